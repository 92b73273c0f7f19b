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

/**
 * One edge of the dependency graph: the dependent object needs the referenced one.
 *
 * @param dependent the object that needs the other
 * @param referenced the object it needs
 */
public record Dependency(ObjectId dependent, ObjectId referenced) {

	/**
	 * A catalog object's address: its system catalog and OID.
	 *
	 * @param catalog {@code pg_class}, {@code pg_proc}, {@code pg_trigger} or {@code pg_policy}
	 * @param oid the OID
	 */
	public record ObjectId(String catalog, long oid) {

	}

}
