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

package io.pgentities.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class a fresh database of its own on the shared
 * {@link TestServer}, created before its first test and dropped after its last one.
 * Constructors, lifecycle methods and test methods of the class receive it by declaring a
 * {@link TestDatabase} parameter. {@link org.junit.jupiter.api.Nested @Nested} classes
 * share the database of their enclosing class.
 * <pre class="code">
 * &#064;PostgresTest
 * class ViewTests {
 *
 *     &#064;Test
 *     void createsView(TestDatabase database) {
 *         database.execute("CREATE VIEW one AS SELECT 1 AS one");
 *     }
 *
 * }
 * </pre>
 *
 * @see TestDatabaseExtension
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(TestDatabaseExtension.class)
public @interface PostgresTest {

}
