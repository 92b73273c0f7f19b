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
package io.pgentities.cli;

/**
 * The gate cannot run: its input is invalid, or the database cannot be reached. The message
 * says which input or which database, and why.
 */
public class GateException extends RuntimeException {

	/**
	 * Creates an exception.
	 * @param message what went wrong
	 */
	public GateException(String message) {
		super(message);
	}

	/**
	 * Creates an exception.
	 * @param message what went wrong
	 * @param cause the underlying failure
	 */
	public GateException(String message, Throwable cause) {
		super(message, cause);
	}

}
