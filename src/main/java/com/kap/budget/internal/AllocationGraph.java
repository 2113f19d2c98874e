package com.kap.budget.internal;

import com.kap.budget.AllocationBid;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bids by index and their {@code requires} edges, for a problem whose ids are unique and whose requirements name
 * known bids. Walks are iterative: a chain of 20,000 requirements does not overflow the stack.
 */
public final class AllocationGraph {

  private final List<AllocationBid> bids;
  private final Map<String, Integer> indexById;
  private final int[][] requires;

  private AllocationGraph(List<AllocationBid> bids, Map<String, Integer> indexById, int[][] requires) {
    this.bids = bids;
    this.indexById = indexById;
    this.requires = requires;
  }

  public static AllocationGraph of(List<AllocationBid> bids) {
    Map<String, Integer> indexById = new HashMap<>();
    for (int i = 0; i < bids.size(); i++) {
      indexById.put(bids.get(i).id(), i);
    }
    int[][] requires = new int[bids.size()][];
    for (int i = 0; i < bids.size(); i++) {
      requires[i] = bids.get(i).requires().stream().mapToInt(indexById::get).distinct().toArray();
    }
    return new AllocationGraph(bids, indexById, requires);
  }

  public int size() {
    return bids.size();
  }

  public AllocationBid bid(int i) {
    return bids.get(i);
  }

  public String id(int i) {
    return bids.get(i).id();
  }

  public int index(String id) {
    return indexById.get(id);
  }

  public int[] requires(int i) {
    return requires[i];
  }

  /**
   * Everything the given bids require, transitively, that is not one of them: each with one of the given bids that
   * requires it. Every bid is visited once.
   */
  public Map<Integer, Integer> requirementsOf(BitSet bids) {
    Map<Integer, Integer> requiredBy = new HashMap<>();
    for (int root = bids.nextSetBit(0); root >= 0; root = bids.nextSetBit(root + 1)) {
      Deque<Integer> todo = new ArrayDeque<>(List.of(root));
      while (!todo.isEmpty()) {
        for (int required : requires[todo.pop()]) {
          if (!bids.get(required) && requiredBy.putIfAbsent(required, root) == null) {
            todo.push(required);
          }
        }
      }
    }
    return requiredBy;
  }

  /** A cycle of requirements as ids, its first bid repeated at the end (B1, B2, B1), if there is one. */
  public Optional<List<String>> cycle() {
    int[] state = new int[bids.size()]; // 0 unvisited, 1 on the current path, 2 done
    int[] parent = new int[bids.size()];
    int[] nextEdge = new int[bids.size()];
    for (int root = 0; root < bids.size(); root++) {
      if (state[root] != 0) {
        continue;
      }
      Deque<Integer> path = new ArrayDeque<>();
      path.push(root);
      state[root] = 1;
      parent[root] = -1;
      while (!path.isEmpty()) {
        int node = path.peek();
        if (nextEdge[node] == requires[node].length) {
          state[node] = 2;
          path.pop();
          continue;
        }
        int next = requires[node][nextEdge[node]++];
        if (state[next] == 1) {
          return Optional.of(cycleThrough(node, next, parent));
        }
        if (state[next] == 0) {
          state[next] = 1;
          parent[next] = node;
          path.push(next);
        }
      }
    }
    return Optional.empty();
  }

  private List<String> cycleThrough(int last, int first, int[] parent) {
    List<String> reversed = new ArrayList<>();
    reversed.add(id(first));
    for (int node = last; node != first; node = parent[node]) {
      reversed.add(id(node));
    }
    reversed.add(id(first));
    List<String> cycle = new ArrayList<>(reversed.size());
    for (int i = reversed.size() - 1; i >= 0; i--) {
      cycle.add(reversed.get(i));
    }
    return cycle;
  }
}
