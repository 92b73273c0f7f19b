/*
 * Copyright 2026 the pg-entities authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.pgentities.bench;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * A data source that counts the round trips the engine makes and keeps its connections open
 * between calls, as a connection pool would, so that a measurement is not dominated by
 * connecting.
 * <p>
 * A round trip is one call of an {@code execute...} method of a {@link Statement},
 * {@link PreparedStatement} or {@link CallableStatement}; {@code executeBatch} counts once,
 * however many statements the batch holds. Transaction control ({@code commit},
 * {@code rollback}) and opening connections are not counted. The time spent inside those
 * calls is recorded per statement, so that database time can be told apart from time spent
 * in Java.
 * <p>
 * Closing a borrowed connection rolls back what it left open, restores auto-commit and keeps
 * the physical connection for the next {@link #getConnection()}. Not thread-safe: the
 * benchmark makes one call at a time.
 */
final class CountingDataSource implements DataSource, AutoCloseable {

	private static final int LABEL_LENGTH = 72;

	private final DataSource target;

	private final Deque<Connection> idle = new ArrayDeque<>();

	private final List<Connection> all = new ArrayList<>();

	private final Map<String, StatementTime> times = new LinkedHashMap<>();

	private long roundTrips;

	private long connectionsOpened;

	CountingDataSource(DataSource target) {
		this.target = target;
	}

	/**
	 * Opens a physical connection now, so that the next call does not pay for connecting.
	 * @return this data source
	 * @throws SQLException if connecting fails
	 */
	CountingDataSource warm() throws SQLException {
		getConnection().close();
		return this;
	}

	/**
	 * Forgets the round trips and statement times counted so far.
	 */
	void reset() {
		this.roundTrips = 0;
		this.times.clear();
	}

	/**
	 * The round trips since the last {@link #reset()}.
	 * @return the count
	 */
	long roundTrips() {
		return this.roundTrips;
	}

	/**
	 * The physical connections opened since this data source was created.
	 * @return the count
	 */
	long connectionsOpened() {
		return this.connectionsOpened;
	}

	/**
	 * The time spent in the database per statement since the last {@link #reset()}, longest
	 * first; statements are labelled by their first line, batches by their size and first
	 * statement.
	 * @return the statement times
	 */
	List<StatementTime> statementTimes() {
		return this.times.values().stream().sorted(Comparator.comparingLong(StatementTime::nanos).reversed()).toList();
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection physical = this.idle.pollFirst();
		if (physical == null || physical.isClosed()) {
			physical = this.target.getConnection();
			this.all.add(physical);
			this.connectionsOpened++;
		}
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				new ConnectionHandler(physical));
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new SQLFeatureNotSupportedException("The benchmark connects with the target data source's user");
	}

	@Override
	public void close() {
		for (Connection connection : this.all) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// closing anyway: the database is dropped next
			}
		}
		this.all.clear();
		this.idle.clear();
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.target.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.target.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.target.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.target.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.target.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		if (type.isInstance(this)) {
			return type.cast(this);
		}
		return this.target.unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return type.isInstance(this) || this.target.isWrapperFor(type);
	}

	private void countRoundTrip(String label, long nanos) {
		this.roundTrips++;
		this.times.computeIfAbsent(label, StatementTime::new).add(nanos);
	}

	static String label(@Nullable String sql) {
		if (sql == null) {
			return "(statement)";
		}
		String text = sql.strip();
		int lineEnd = text.indexOf('\n');
		String line = ((lineEnd >= 0) ? text.substring(0, lineEnd) : text).strip();
		return (line.length() > LABEL_LENGTH) ? line.substring(0, LABEL_LENGTH) + "..." : line;
	}

	private static @Nullable Object invoke(Object target, Method method, @Nullable Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * The time the database spent on one kind of statement.
	 */
	static final class StatementTime {

		private final String label;

		private long count;

		private long nanos;

		StatementTime(String label) {
			this.label = label;
		}

		void add(long nanos) {
			this.count++;
			this.nanos += nanos;
		}

		String label() {
			return this.label;
		}

		long count() {
			return this.count;
		}

		long nanos() {
			return this.nanos;
		}

	}

	private final class ConnectionHandler implements InvocationHandler {

		private final Connection physical;

		private boolean closed;

		ConnectionHandler(Connection physical) {
			this.physical = physical;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
			switch (method.getName()) {
				case "close":
					release();
					return null;
				case "isClosed":
					return this.closed || this.physical.isClosed();
				case "equals":
					return proxy == args[0];
				case "hashCode":
					return System.identityHashCode(proxy);
				case "toString":
					return "counting proxy of " + this.physical;
				default:
			}
			if (this.closed) {
				throw new SQLException("Connection is closed");
			}
			Object result = CountingDataSource.invoke(this.physical, method, args);
			if (result instanceof Statement statement) {
				String sql = (method.getName().startsWith("prepare") && args != null && args.length > 0
						&& args[0] instanceof String text) ? text : null;
				Class<?> type = (statement instanceof CallableStatement) ? CallableStatement.class
						: (statement instanceof PreparedStatement) ? PreparedStatement.class : Statement.class;
				return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type },
						new StatementHandler(statement, sql, (Connection) proxy));
			}
			return result;
		}

		private void release() throws SQLException {
			if (this.closed) {
				return;
			}
			this.closed = true;
			if (this.physical.isClosed()) {
				return;
			}
			if (!this.physical.getAutoCommit()) {
				this.physical.rollback();
				this.physical.setAutoCommit(true);
			}
			CountingDataSource.this.idle.addFirst(this.physical);
		}

	}

	private final class StatementHandler implements InvocationHandler {

		private final Statement statement;

		private final @Nullable String preparedSql;

		private final Connection connection;

		private final List<String> batch = new ArrayList<>();

		StatementHandler(Statement statement, @Nullable String preparedSql, Connection connection) {
			this.statement = statement;
			this.preparedSql = preparedSql;
			this.connection = connection;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
			String name = method.getName();
			if (name.equals("getConnection")) {
				return this.connection;
			}
			if (name.equals("addBatch")) {
				this.batch.add((args != null && args.length > 0 && args[0] instanceof String sql) ? sql
						: String.valueOf(this.preparedSql));
			}
			else if (name.equals("clearBatch")) {
				this.batch.clear();
			}
			if (!name.startsWith("execute")) {
				return CountingDataSource.invoke(this.statement, method, args);
			}
			String label = label(name, args);
			long start = System.nanoTime();
			try {
				return CountingDataSource.invoke(this.statement, method, args);
			}
			finally {
				countRoundTrip(label, System.nanoTime() - start);
				if (name.contains("Batch")) {
					this.batch.clear();
				}
			}
		}

		private String label(String method, @Nullable Object[] args) {
			if (method.contains("Batch")) {
				String first = this.batch.isEmpty() ? null : this.batch.get(0);
				return "batch of " + this.batch.size() + ", first: " + CountingDataSource.label(first);
			}
			if (args != null && args.length > 0 && args[0] instanceof String sql) {
				return CountingDataSource.label(sql);
			}
			return CountingDataSource.label(this.preparedSql);
		}

	}

}
