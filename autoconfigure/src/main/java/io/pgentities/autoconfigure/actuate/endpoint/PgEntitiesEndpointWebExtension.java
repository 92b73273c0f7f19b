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
package io.pgentities.autoconfigure.actuate.endpoint;

import io.pgentities.autoconfigure.actuate.endpoint.PgEntitiesEndpoint.EntityLookup;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.Selector.Match;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.util.Assert;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} for the {@link PgEntitiesEndpoint}:
 * an identity that names no entity answers {@code 404} with a body that says what was
 * looked for and how the identity was read, instead of an empty one.
 */
@EndpointWebExtension(endpoint = PgEntitiesEndpoint.class)
public class PgEntitiesEndpointWebExtension {

	private final PgEntitiesEndpoint delegate;

	/**
	 * Create a new extension.
	 * @param delegate the endpoint it extends
	 */
	public PgEntitiesEndpointWebExtension(PgEntitiesEndpoint delegate) {
		Assert.notNull(delegate, "'delegate' must not be null");
		this.delegate = delegate;
	}

	/**
	 * Check the database and return one entity, or {@code 404} with what was looked for.
	 * @param identity the entity's identity, such as {@code public.total(integer, numeric)}
	 * or {@code total(int, decimal)}
	 * @return the response
	 */
	@ReadOperation
	public WebEndpointResponse<OperationResponseBody> entity(@Selector(match = Match.ALL_REMAINING) String[] identity) {
		EntityLookup lookup = this.delegate.lookup(identity);
		if (lookup.entity() != null) {
			return new WebEndpointResponse<>(lookup.entity(), WebEndpointResponse.STATUS_OK);
		}
		return new WebEndpointResponse<>(lookup.notFound(), WebEndpointResponse.STATUS_NOT_FOUND);
	}

}
