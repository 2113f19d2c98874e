package com.kap.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the application's pgjdbc calls that each wait once for the server (a network round trip): an execute of
 * one statement; an executeBatch, for which pgjdbc sends all the batch's statements and then one Sync; a describe
 * (getParameterMetaData); and a COMMIT or ROLLBACK, which pgjdbc sends only when a transaction is open — on commit(),
 * rollback() or setAutoCommit(true). The BEGIN that opens a transaction goes out with its first statement. A bean
 * post-processor: it wraps the application's DataSource.
 */
final class JdbcCalls implements BeanPostProcessor {

  final AtomicLong executes = new AtomicLong();
  final AtomicLong batches = new AtomicLong();
  final AtomicLong batchedStatements = new AtomicLong();
  /** pgjdbc splits only a batch whose replies might fill 64,000 bytes, at 250 each: one of more than 256. */
  final AtomicLong largestBatch = new AtomicLong();
  final AtomicLong describes = new AtomicLong();
  final AtomicLong commits = new AtomicLong();
  final AtomicLong rollbacks = new AtomicLong();

  void reset() {
    for (AtomicLong counter : new AtomicLong[] {executes, batches, batchedStatements, largestBatch, describes,
        commits, rollbacks}) {
      counter.set(0);
    }
  }

  long roundTrips() {
    return executes.get() + batches.get() + describes.get() + commits.get() + rollbacks.get();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (!(bean instanceof DataSource dataSource)) {
      return bean;
    }
    return new DelegatingDataSource(dataSource) {
      @Override
      public Connection getConnection() throws SQLException {
        return counted(super.getConnection());
      }

      @Override
      public Connection getConnection(String username, String password) throws SQLException {
        return counted(super.getConnection(username, password));
      }
    };
  }

  private Connection counted(Connection connection) {
    return proxy(Connection.class, connection, (proxy, method, args) -> {
      boolean ends = switch (method.getName()) {
        case "commit", "rollback" -> args == null;
        case "setAutoCommit" -> (Boolean) args[0];
        default -> false;
      };
      if (ends && connection.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE) {
        (method.getName().equals("rollback") ? rollbacks : commits).incrementAndGet();
      }
      Object result = call(connection, method, args, proxy);
      return result instanceof Statement statement ? counted(method.getReturnType(), statement) : result;
    });
  }

  private <T> T counted(Class<T> type, Statement statement) {
    AtomicLong batch = new AtomicLong();
    return proxy(type, statement, (proxy, method, args) -> {
      switch (method.getName()) {
        case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate" -> executes.incrementAndGet();
        case "addBatch" -> {
          batchedStatements.incrementAndGet();
          batch.incrementAndGet();
        }
        case "executeBatch", "executeLargeBatch" -> {
          batches.incrementAndGet();
          largestBatch.accumulateAndGet(batch.getAndSet(0), Math::max);
        }
        case "getParameterMetaData" -> describes.incrementAndGet();
        default -> { }
      }
      return call(statement, method, args, proxy);
    });
  }

  private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
    return type.cast(Proxy.newProxyInstance(JdbcCalls.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  /** Calls the target; equality is the proxy's own, as Spring compares a transaction's connection by it. */
  private static Object call(Object target, Method method, Object[] args, Object proxy) throws Throwable {
    switch (method.getName()) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      default:
        try {
          return method.invoke(target, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
    }
  }
}
