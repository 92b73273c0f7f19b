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
package io.pgentities.test;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntity;
import io.pgentities.autoconfigure.PgEntityDeclarations;
import io.pgentities.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.context.ApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * The JUnit extension behind {@link PgEntitiesTest}: finds or builds the class's database,
 * checks the declared entities against it before the first test runs (a failed check fails
 * every test of the class), and resolves
 * {@link PgEntitiesDatabase} and {@link DataSource} parameters.
 */
public final class PgEntitiesExtension implements BeforeEachCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(PgEntitiesExtension.class);

	private static final String SERVICE_CONNECTION = "org.springframework.boot.testcontainers.service.connection.ServiceConnection";

	private static final String SPRING_EXTENSION = "org.springframework.test.context.junit.jupiter.SpringExtension";

	// Checked before the first test rather than before all: a Spring test's context, and so
	// its database, may need properties that static @BeforeAll methods provide
	@Override
	public void beforeEach(ExtensionContext context) {
		ExtensionContext classContext = classContext(context);
		CheckOutcome outcome = classContext.getStore(NAMESPACE)
			.computeIfAbsent(CheckOutcome.class, (key) -> check(classContext), CheckOutcome.class);
		outcome.rethrow();
	}

	private static CheckOutcome check(ExtensionContext classContext) {
		try {
			PgEntitiesDatabase database = database(classContext);
			PgEntitiesAssert assertion = PgEntitiesAssertions.assertThat(database.engine())
				.as("entities of %s", database.description());
			switch (settings(classContext).check()) {
				case IN_SYNC -> assertion.hasEntitiesInSync(database.entities());
				case CONVERGES -> assertion.converges(database.entities());
				case NONE -> {
				}
			}
			return new CheckOutcome(null);
		}
		catch (AssertionError | RuntimeException ex) {
			return new CheckOutcome(ex);
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == PgEntitiesDatabase.class || (type == DataSource.class && !isSpringTest(extensionContext));
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		PgEntitiesDatabase database = database(extensionContext);
		return (parameterContext.getParameter().getType() == DataSource.class) ? database.dataSource() : database;
	}

	private static PgEntitiesDatabase database(ExtensionContext context) {
		ExtensionContext classContext = classContext(context);
		Store store = classContext.getStore(NAMESPACE);
		return store.computeIfAbsent(PgEntitiesDatabase.class, (key) -> open(classContext), PgEntitiesDatabase.class);
	}

	private static PgEntitiesDatabase open(ExtensionContext classContext) {
		PgEntitiesTest settings = settings(classContext);
		if (isSpringTest(classContext)) {
			return SpringApplicationDatabase.of(classContext, settings);
		}
		List<PgEntity> entities = entities(classContext, settings);
		Object container = serviceConnectionContainer(classContext);
		if (container != null) {
			DataSource dataSource = containerDataSource(container);
			migrate(dataSource, settings);
			return new PgEntitiesDatabase(dataSource, PgEntitiesEngine.create(dataSource), container.toString(),
					entities);
		}
		EmbeddedPostgres server = classContext.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(EmbeddedPostgres.class, (key) -> EmbeddedPostgres.start(), EmbeddedPostgres.class);
		FreshDatabase fresh = FreshDatabase.create(server, classContext);
		classContext.getStore(NAMESPACE).put(FreshDatabase.class, fresh);
		migrate(fresh.dataSource(), settings);
		return new PgEntitiesDatabase(fresh.dataSource(), PgEntitiesEngine.create(fresh.dataSource()), fresh.jdbcUrl(),
				entities);
	}

	private static List<PgEntity> entities(ExtensionContext classContext, PgEntitiesTest settings) {
		ClassLoader classLoader = classContext.getRequiredTestClass().getClassLoader();
		return PgEntityDeclarations
			.fromFiles(new PathMatchingResourcePatternResolver(classLoader), List.of(settings.entities()),
					settings.defaultSchema())
			.entities();
	}

	private static void migrate(DataSource dataSource, PgEntitiesTest settings) {
		Flyway.configure().dataSource(dataSource).locations(settings.migrations()).load().migrate();
	}

	private static PgEntitiesTest settings(ExtensionContext context) {
		Class<?> testClass = classContext(context).getRequiredTestClass();
		return AnnotationSupport.findAnnotation(testClass, PgEntitiesTest.class)
			.orElseThrow(() -> new ExtensionConfigurationException(
					testClass.getName() + " is not annotated with @PgEntitiesTest"));
	}

	private static boolean isSpringTest(ExtensionContext context) {
		if (!ClassUtils.isPresent(SPRING_EXTENSION, PgEntitiesExtension.class.getClassLoader())) {
			return false;
		}
		Class<?> testClass = classContext(context).getRequiredTestClass();
		return AnnotationSupport.findRepeatableAnnotations(testClass, ExtendWith.class)
			.stream()
			.flatMap((extendWith) -> Arrays.stream(extendWith.value()))
			.anyMatch((extension) -> extension.getName().equals(SPRING_EXTENSION));
	}

	/**
	 * A static field annotated with {@code @ServiceConnection} that holds a JDBC container,
	 * started if it is not running yet.
	 */
	private static @Nullable Object serviceConnectionContainer(ExtensionContext classContext) {
		for (Class<?> type = classContext.getRequiredTestClass(); type != null; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) && isServiceConnection(field)) {
					Object container = read(field);
					if (container != null && method(container, "getJdbcUrl") != null) {
						if (!Boolean.TRUE.equals(invoke(container, "isRunning"))) {
							invoke(container, "start");
						}
						return container;
					}
				}
			}
		}
		return null;
	}

	private static boolean isServiceConnection(Field field) {
		return Arrays.stream(field.getAnnotations())
			.anyMatch((annotation) -> annotation.annotationType().getName().equals(SERVICE_CONNECTION));
	}

	private static DataSource containerDataSource(Object container) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl((String) invoke(container, "getJdbcUrl"));
		dataSource.setUser((String) invoke(container, "getUsername"));
		dataSource.setPassword((String) invoke(container, "getPassword"));
		return dataSource;
	}

	private static @Nullable Object read(Field field) {
		try {
			field.setAccessible(true);
			return field.get(null);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new ExtensionConfigurationException("Cannot read the @ServiceConnection field " + field, ex);
		}
	}

	private static @Nullable Method method(Object target, String name) {
		try {
			return target.getClass().getMethod(name);
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
	}

	private static @Nullable Object invoke(Object target, String name) {
		Method method = method(target, name);
		if (method == null) {
			throw new ExtensionConfigurationException(target + " has no method " + name + "()");
		}
		try {
			return method.invoke(target);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExtensionConfigurationException("Calling " + name + "() on " + target + " failed", ex);
		}
	}

	// With a per-class test instance, constructor parameters are resolved before beforeAll
	private static ExtensionContext classContext(ExtensionContext context) {
		ExtensionContext current = context;
		while (current.getTestMethod().isPresent()) {
			Optional<ExtensionContext> parent = current.getParent();
			if (parent.isEmpty()) {
				break;
			}
			current = parent.get();
		}
		return current;
	}

	/**
	 * How the check of a class ended, given to each of its tests.
	 */
	private record CheckOutcome(@Nullable Throwable failure) {

		void rethrow() {
			if (this.failure instanceof Error error) {
				throw error;
			}
			if (this.failure instanceof RuntimeException exception) {
				throw exception;
			}
		}

	}

	/**
	 * A database created for one test class on the embedded server, dropped when the
	 * class's store closes.
	 */
	private record FreshDatabase(EmbeddedPostgres server, String name, DataSource dataSource)
			implements AutoCloseable {

		static FreshDatabase create(EmbeddedPostgres server, ExtensionContext classContext) {
			String className = classContext.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
			String name = "pge_" + className.substring(0, Math.min(className.length(), 40)) + "_"
					+ UUID.randomUUID().toString().substring(0, 8);
			execute(server, "CREATE DATABASE \"" + name + "\"");
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setUrl(server.jdbcUrl(name));
			dataSource.setUser(server.user());
			return new FreshDatabase(server, name, dataSource);
		}

		String jdbcUrl() {
			return this.server.jdbcUrl(this.name);
		}

		@Override
		public void close() {
			execute(this.server, "DROP DATABASE IF EXISTS \"" + this.name + "\" WITH (FORCE)");
		}

		private static void execute(EmbeddedPostgres server, String sql) {
			try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), null);
					Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				throw new ExtensionConfigurationException(sql + " failed on " + server + ": " + ex.getMessage(), ex);
			}
		}

	}

	/**
	 * The database of a Spring test's application context: its {@code DataSource} bean
	 * and declarations. Kept apart so that Spring's test classes are loaded only when the
	 * test is a Spring test.
	 */
	private static final class SpringApplicationDatabase {

		static PgEntitiesDatabase of(ExtensionContext classContext, PgEntitiesTest settings) {
			ApplicationContext context = org.springframework.test.context.junit.jupiter.SpringExtension
				.getApplicationContext(classContext);
			DataSource dataSource = context.getBean(DataSource.class);
			List<PgEntity> entities = context.getBeanProvider(PgEntityDeclarations.class)
				.getIfAvailable(() -> () -> entities(classContext, settings))
				.entities();
			PgEntitiesEngine engine = context.getBeanProvider(PgEntitiesEngine.class)
				.getIfAvailable(() -> PgEntitiesEngine.create(dataSource));
			return new PgEntitiesDatabase(dataSource, engine, "the application's DataSource", entities);
		}

	}

}
