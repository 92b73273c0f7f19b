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

import org.jspecify.annotations.Nullable;

/**
 * Who owns an object and who else may use it, as its catalog row says.
 *
 * @param owner the owning role
 * @param acl the access privileges, as {@code aclitem} texts; empty for the defaults
 * @param grantTarget how {@code GRANT} names the object, e.g. {@code TABLE public.v}; {@code null}
 * for an object that has an owner but no privileges (an event trigger), whose {@code acl} is empty
 * @param executableByPublic whether PUBLIC may execute such an object by default, so that an
 * explicit list without PUBLIC means the default was revoked
 */
public record Access(String owner, List<String> acl, @Nullable String grantTarget, boolean executableByPublic) {

	public Access {
		acl = List.copyOf(acl);
		if (grantTarget == null && !acl.isEmpty()) {
			throw new IllegalArgumentException("Access privileges need a grant target: " + acl);
		}
	}

	/**
	 * The access of an object that has an owner and no privileges.
	 * @param owner the owning role
	 * @return the access
	 */
	public static Access ownerOnly(String owner) {
		return new Access(owner, List.of(), null, false);
	}

}
