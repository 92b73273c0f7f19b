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
package io.pgentities.testsupport;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * A data source that records the SQL text of every statement sent through it: executed,
 * batched or prepared. Tests use it to prove what a check sends, and what it does not.
 */
public final class RecordingDataSource implements DataSource {

	// after any leading comment lines: catalog queries start with their header
	private static final Pattern READING = Pattern.compile("^(\\s*--[^\\n]*\\n)*\\s*(select|with|set|show)\\b",
			Pattern.CASE_INSENSITIVE);

	private final DataSource target;

	private final List<String> statements = new CopyOnWriteArrayList<>();

	/**
	 * Records what is sent to a data source.
	 * @param target the data source
	 */
	public RecordingDataSource(DataSource target) {
		this.target = target;
	}

	/**
	 * The statements sent since the last {@link #clear()}, in order.
	 * @return the SQL texts
	 */
	public List<String> statements() {
		return List.copyOf(this.statements);
	}

	/**
	 * The statements sent since the last {@link #clear()} that are neither queries nor
	 * settings: DDL, DML and anything else that could change the database.
	 * @return the SQL texts
	 */
	public List<String> changing() {
		return this.statements.stream().filter((sql) -> !READING.matcher(sql).find()).toList();
	}

	/**
	 * Forgets the statements recorded.
	 */
	public void clear() {
		this.statements.clear();
	}

	@Override
	public Connection getConnection() throws SQLException {
		return record(this.target.getConnection(), Connection.class);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return record(this.target.getConnection(username, password), Connection.class);
	}

	private <T> T record(T target, Class<T> type) {
		InvocationHandler handler = (proxy, method, args) -> invoke(target, method, args);
		return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type }, handler));
	}

	private @Nullable Object invoke(Object target, Method method, @Nullable Object[] args) throws Throwable {
		if (args != null && args.length > 0 && args[0] instanceof String sql
				&& (method.getName().startsWith("execute") || method.getName().equals("addBatch")
						|| method.getName().startsWith("prepare"))) {
			this.statements.add(sql.strip());
		}
		Object result;
		try {
			result = method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
		if (result instanceof Statement statement && method.getReturnType().isInterface()) {
			@SuppressWarnings("unchecked")
			Class<Statement> type = (Class<Statement>) method.getReturnType();
			return record(statement, type);
		}
		return result;
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
		return this.target.unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return this.target.isWrapperFor(type);
	}

}
