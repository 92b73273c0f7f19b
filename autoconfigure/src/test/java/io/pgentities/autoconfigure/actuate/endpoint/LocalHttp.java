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

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Requests to an application started on a random local port, answered with whatever status
 * the application gives (an error status is a response to assert on, not an exception).
 */
final class LocalHttp {

	private LocalHttp() {
	}

	/**
	 * {@code GET} a path of the application.
	 * @param port the application's port
	 * @param path the path, such as {@code /actuator/pgentities}
	 * @return the status and the body as text
	 */
	static ResponseEntity<String> get(int port, String path) {
		return RestClient.create()
			.get()
			.uri(URI.create("http://localhost:" + port + path))
			.exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
				.body(new String(response.getBody().readAllBytes())));
	}

}
