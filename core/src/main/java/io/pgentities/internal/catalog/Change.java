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
package io.pgentities.internal.catalog;

import java.util.List;

/**
 * How a live object becomes the desired object of the same identity: in place, or only by
 * dropping it and creating it again.
 */
public sealed interface Change {

	/**
	 * The object changes in place, keeping everything that depends on it.
	 *
	 * @param description what the change does, e.g. {@code CREATE OR REPLACE}
	 * @param statements the statements that make the change
	 * @param operations what each statement does, which decides its lock
	 */
	record InPlace(String description, List<String> statements, List<Operation> operations) implements Change {

		public InPlace {
			statements = List.copyOf(statements);
			operations = List.copyOf(operations);
			if (operations.size() != statements.size()) {
				throw new IllegalArgumentException("One operation per statement");
			}
		}

		/**
		 * A change whose statements all replace the object ({@link Operation#REPLACE}).
		 * @param description what the change does
		 * @param statements the statements that make the change
		 */
		public InPlace(String description, List<String> statements) {
			this(description, statements, statements.stream().map((statement) -> Operation.REPLACE).toList());
		}

	}

	/**
	 * The object has to be dropped and created again.
	 *
	 * @param reason why it cannot change in place
	 */
	record Recreate(String reason) implements Change {

	}

}
