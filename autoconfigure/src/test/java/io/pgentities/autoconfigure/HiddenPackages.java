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
package io.pgentities.autoconfigure;

import java.util.function.Predicate;

import org.springframework.boot.test.context.FilteredClassLoader;

/**
 * Filters for a {@link FilteredClassLoader} that hide packages the way a missing jar does:
 * their classes and their class files, so that annotations of hidden types are not read
 * from the class files either.
 */
final class HiddenPackages {

	private HiddenPackages() {
	}

	static Predicate<String> of(String packageName) {
		String path = packageName.replace('.', '/') + "/";
		return (name) -> name.startsWith(packageName + ".") || name.startsWith(path) || name.startsWith("/" + path);
	}

}
