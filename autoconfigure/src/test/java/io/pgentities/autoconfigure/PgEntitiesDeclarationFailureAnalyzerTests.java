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
package io.pgentities.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.pgentities.InvalidDeclarationException;
import io.pgentities.PgEntitiesException;
import io.pgentities.PgEntity;
import io.pgentities.PgView;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link PgEntitiesDeclarationFailureAnalyzer}: applications whose entity files
 * PostgreSQL or pg-entities reject fail to start with an analysis that names the file, the
 * line in it, the reason and what to do, on a real PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
class PgEntitiesDeclarationFailureAnalyzerTests {

	private final TestDatabase database = TestDatabase.create();

	@TempDir
	Path entities;

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void syntaxErrorInAnEntityFileIsShownAtItsLineInTheFile(CapturedOutput output) throws IOException {
		write("views.sql", """
				-- the views of the shop

				CREATE VIEW item_names AS
				SELECT id,
				       name,,
				FROM items;
				""");
		String analysis = failedStart(output);
		assertThat(description(analysis)).contains("PostgreSQL rejected the declaration of VIEW public.item_names in "
				+ "file " + file("views.sql") + ", line 5:")
			.contains("    5 |        name,,")
			.contains("ERROR: syntax error at or near \",\"");
		assertThat(action(analysis)).contains("Correct the declaration in file " + file("views.sql") + ", line 5")
			.contains("the database was not changed");
	}

	@Test
	void viewOnAMissingColumnIsShownAtTheLineOfTheColumn(CapturedOutput output) throws IOException {
		write("views.sql", """
				CREATE VIEW item_prices AS
				SELECT id,
				       cost
				FROM items;
				""");
		String analysis = failedStart(output);
		assertThat(description(analysis)).contains("VIEW public.item_prices in file " + file("views.sql") + ", line 3:")
			.contains("    3 |        cost")
			.contains("ERROR: column \"cost\" does not exist");
		assertThat(action(analysis)).contains("Correct the declaration in file " + file("views.sql") + ", line 3");
	}

	@Test
	void statementThatIsNoDeclarationIsShownAtItsLine(CapturedOutput output) throws IOException {
		write("views.sql", """
				CREATE VIEW item_names AS
				SELECT id, name FROM items;

				DROP TABLE items;
				""");
		String analysis = failedStart(output);
		assertThat(description(analysis)).contains("The entity declarations in file " + file("views.sql")
				+ " cannot be used:")
			.contains("file " + file("views.sql") + ", line 4: only CREATE FUNCTION")
			.contains("found DROP TABLE");
		assertThat(action(analysis)).contains("Correct file " + file("views.sql") + ", line 4.")
			.contains("belong in Flyway migrations");
	}

	@Test
	void entityDeclaredInTwoFilesIsShownAtTheSecondDeclaration(CapturedOutput output) throws IOException {
		write("a.sql", "CREATE VIEW item_names AS SELECT id, name FROM items;\n");
		write("b.sql", "-- again\nCREATE VIEW item_names AS\nSELECT id FROM items;\n");
		String analysis = failedStart(output);
		assertThat(description(analysis)).contains("file " + file("b.sql") + ", line 2: VIEW public.item_names is "
				+ "declared twice: in file " + file("a.sql") + ":1 and in file " + file("b.sql") + ":2");
		assertThat(action(analysis)).contains("declare each entity once");
	}

	@Test
	void rejectedBeanIsShownWithTheLineOfItsStatement(CapturedOutput output) {
		String analysis = failedStart(output, BeanDeclaringApplication.class);
		assertThat(description(analysis)).contains("PostgreSQL rejected the declaration of VIEW public.item_costs in "
				+ "bean 'itemCosts' (line 2 of its statement):")
			.contains("    2 |   cost")
			.contains("ERROR: column \"cost\" does not exist");
		assertThat(action(analysis)).contains("Correct the declaration in bean 'itemCosts' (line 2 of its statement)");
	}

	@Test
	void findsTheExceptionAsACause() {
		InvalidDeclarationException invalid = new InvalidDeclarationException("file views.sql", 3, "what is wrong");
		FailureAnalysis analysis = new PgEntitiesDeclarationFailureAnalyzer()
			.analyze(new BeanCreationException("pgEntityDeclarations", "failed", invalid));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getCause()).isSameAs(invalid);
		assertThat(analysis.getDescription()).contains("file views.sql, line 3: what is wrong");
	}

	@Test
	void ignoresOtherFailures() {
		assertThat(new PgEntitiesDeclarationFailureAnalyzer().analyze(new PgEntitiesException("other"))).isNull();
	}

	@Test
	void isRegisteredInSpringFactories() {
		// Analyzers of other jars need constructor arguments; this test does not give them
		FailureHandler ignore = FailureHandler.handleMessage((message, failure) -> {
		});
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(FailureAnalyzer.class, null, ignore))
			.hasAtLeastOneElementOfType(PgEntitiesDeclarationFailureAnalyzer.class);
	}

	private void write(String name, String sql) throws IOException {
		Files.writeString(this.entities.resolve(name), sql);
	}

	private String file(String name) {
		return this.entities.resolve(name).toAbsolutePath().normalize().toString();
	}

	private String failedStart(CapturedOutput output) {
		return failedStart(output, DeclaringApplication.class);
	}

	private String failedStart(CapturedOutput output, Class<?> application) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			.properties("spring.datasource.url=" + this.database.jdbcUrl(),
					"spring.datasource.username=" + this.database.user(),
					"spring.datasource.password=" + this.database.password(),
					"spring.flyway.locations=classpath:flyway/items",
					"pg-entities.locations=file:" + this.entities + "/*.sql")
			.run());
		String all = output.toString();
		assertThat(all).contains("APPLICATION FAILED TO START").doesNotContain("\tat org.springframework");
		return all.substring(all.indexOf("APPLICATION FAILED TO START"));
	}

	private static String description(String analysis) {
		return analysis.substring(analysis.indexOf("Description:"), analysis.indexOf("Action:"));
	}

	private static String action(String analysis) {
		return analysis.substring(analysis.indexOf("Action:"));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class DeclaringApplication {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class BeanDeclaringApplication {

		@Bean
		PgEntity itemCosts() {
			return PgView.of("public", "item_costs", "SELECT id,\n  cost\nFROM items");
		}

	}

}
