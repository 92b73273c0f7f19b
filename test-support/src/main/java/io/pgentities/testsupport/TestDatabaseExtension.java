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

import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension behind {@link PostgresTest}: creates a database per test class on the
 * shared {@link TestServer}, resolves {@link TestDatabase} parameters to it, and drops it
 * after the class.
 */
public final class TestDatabaseExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(TestDatabaseExtension.class);

	private static final String DATABASE_KEY = "database";

	@Override
	public void beforeAll(ExtensionContext context) {
		database(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		// Only the class that created the database holds it in its own store
		TestDatabase database = context.getStore(NAMESPACE).remove(DATABASE_KEY, TestDatabase.class);
		if (database != null) {
			database.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == TestDatabase.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return database(extensionContext);
	}

	private static TestDatabase database(ExtensionContext context) {
		ExtensionContext classContext = classContext(context);
		Store store = classContext.getStore(NAMESPACE);
		return store.computeIfAbsent(DATABASE_KEY, (key) -> TestServer.shared().createDatabase(prefix(classContext)),
				TestDatabase.class);
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

	private static String prefix(ExtensionContext classContext) {
		String className = classContext.getTestClass().map(Class::getSimpleName).orElse("test");
		return "pge_" + className.toLowerCase(Locale.ROOT);
	}

}
