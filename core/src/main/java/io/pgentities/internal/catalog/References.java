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

import java.util.Set;
import java.util.TreeSet;

/**
 * What simulated objects reference outside their scratch schemas ({@code references.sql}).
 *
 * @param schemas the schemas of the objects they depend on
 * @param roles the roles that own them or hold privileges on them
 */
public record References(Set<String> schemas, Set<String> roles) {

	/** Nothing referenced. */
	public static final References NONE = new References(Set.of(), Set.of());

	public References {
		schemas = Set.copyOf(new TreeSet<>(schemas));
		roles = Set.copyOf(new TreeSet<>(roles));
	}

	/**
	 * Both references together.
	 * @param other other references
	 * @return the union
	 */
	public References and(References other) {
		Set<String> allSchemas = new TreeSet<>(this.schemas);
		allSchemas.addAll(other.schemas);
		Set<String> allRoles = new TreeSet<>(this.roles);
		allRoles.addAll(other.roles);
		return new References(allSchemas, allRoles);
	}

	/**
	 * Whether these references are all among others.
	 * @param other the others
	 * @return whether every schema and role here is there too
	 */
	public boolean within(References other) {
		return other.schemas.containsAll(this.schemas) && other.roles.containsAll(this.roles);
	}

}
