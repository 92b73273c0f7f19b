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
 * A stamp of the whole catalog as one session sees it, as {@code catalog-stamp.sql} reads
 * it: equal stamps read at two moments mean that no catalog row changed in between, and
 * that the session prints definitions the same way. A stamp proves that nothing changed;
 * a different one only says that something may have.
 *
 * @param value the MD5 of the catalogs' row counts and row versions, the roles, the
 * session's printing settings, current user and temporary schema, and the server's version
 */
public record CatalogStamp(String value) {

}
