package com.kap.planning;

import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.CycleSegmentRepository;
import java.util.List;
import org.springframework.stereotype.Component;

/** The accounts that get a plan in a cycle: those segmented for its year. Used as the fan-out's collection. */
@Component("cyclePlans")
public class CyclePlans {

  private final CycleSegmentRepository cycleSegments;

  public CyclePlans(CycleSegmentRepository cycleSegments) {
    this.cycleSegments = cycleSegments;
  }

  public List<String> accountIds(int year) {
    return cycleSegments.findByYear(year).stream().map(CycleSegment::accountId).toList();
  }
}
