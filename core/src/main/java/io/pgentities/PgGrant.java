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
package io.pgentities;

import java.util.Objects;

/**
 * A declared {@code GRANT} or {@code REVOKE} on an entity, applied in order after it is
 * created: the privileges the entity ends up with are compared with the live ones.
 *
 * @param revoke whether it is a {@code REVOKE}
 * @param privileges the privileges as written, column lists included: {@code SELECT},
 * {@code SELECT (id, total), UPDATE}, {@code ALL}; for a {@code REVOKE}, may start with
 * {@code GRANT OPTION FOR}
 * @param grantees the roles as written, comma-separated: {@code reader, PUBLIC}
 * @param withGrantOption whether a {@code GRANT} is {@code WITH GRANT OPTION}
 */
public record PgGrant(boolean revoke, String privileges, String grantees, boolean withGrantOption) {

	public PgGrant {
		Objects.requireNonNull(privileges, "privileges must not be null");
		Objects.requireNonNull(grantees, "grantees must not be null");
		if (privileges.isBlank() || grantees.isBlank()) {
			throw new IllegalArgumentException("a grant needs privileges and grantees");
		}
		if (revoke && withGrantOption) {
			throw new IllegalArgumentException("REVOKE has no WITH GRANT OPTION; revoke GRANT OPTION FOR instead");
		}
	}

	/**
	 * The statement for an object.
	 * @param target how {@code GRANT} names the object, e.g. {@code TABLE public.v}
	 * @return the {@code GRANT} or {@code REVOKE} statement
	 */
	public String statement(String target) {
		if (this.revoke) {
			return "REVOKE " + this.privileges + " ON " + target + " FROM " + this.grantees;
		}
		return "GRANT " + this.privileges + " ON " + target + " TO " + this.grantees
				+ (this.withGrantOption ? " WITH GRANT OPTION" : "");
	}

}
