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
import java.util.stream.Collectors;

import io.pgentities.EntityKind;
import io.pgentities.LockMode;
import io.pgentities.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * A row-level-security policy as the catalog describes it.
 *
 * @param oid the OID
 * @param schema the schema of its table
 * @param table its table
 * @param name its name
 * @param permissive whether it is permissive (else restrictive)
 * @param command {@code ALL}, {@code SELECT}, {@code INSERT}, {@code UPDATE} or {@code DELETE}
 * @param roles the roles it applies to, sorted; {@code public} for everyone
 * @param usingExpression the {@code USING} expression, or {@code null}
 * @param checkExpression the {@code WITH CHECK} expression, or {@code null}
 * @param comment the comment
 */
public record CatalogPolicy(long oid, String schema, String table, String name, boolean permissive, String command,
		List<String> roles, @Nullable String usingExpression, @Nullable String checkExpression,
		@Nullable String comment) implements CatalogEntity {

	@Override
	public LockMode creationLock() {
		return LockMode.ACCESS_EXCLUSIVE;
	}

	/**
	 * Whether the two policies differ, or one of them is absent: a policy decides which rows
	 * the roles it names see and may write.
	 */
	@Override
	public boolean accessDiffersFrom(@Nullable CatalogEntity other) {
		return !(other instanceof CatalogPolicy policy) || !policy.canonicalDefinition().equals(canonicalDefinition());
	}

	@Override
	public EntityKind kind() {
		return EntityKind.POLICY;
	}

	@Override
	public String identity() {
		return Identifiers.qualify(this.schema, this.table, this.name);
	}

	@Override
	public String canonicalDefinition() {
		StringBuilder definition = new StringBuilder();
		definition.append("CREATE POLICY ")
			.append(Identifiers.quote(this.name))
			.append(" ON ")
			.append(Identifiers.qualify(this.schema, this.table))
			.append(this.permissive ? " AS PERMISSIVE" : " AS RESTRICTIVE")
			.append(" FOR ")
			.append(this.command)
			.append(" TO ")
			.append(this.roles.stream()
				.map((role) -> role.equals("public") ? "PUBLIC" : Identifiers.quote(role))
				.collect(Collectors.joining(", ")));
		if (this.usingExpression != null) {
			definition.append(" USING (").append(this.usingExpression).append(')');
		}
		if (this.checkExpression != null) {
			definition.append(" WITH CHECK (").append(this.checkExpression).append(')');
		}
		return definition.toString();
	}

}
