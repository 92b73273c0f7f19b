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

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import io.pgentities.internal.catalog.IdentityPatterns;
import io.pgentities.internal.engine.Analyzer;
import io.pgentities.internal.engine.EngineSettings;
import io.pgentities.internal.engine.Fingerprints;
import io.pgentities.internal.engine.IdentityResolver;
import io.pgentities.internal.engine.Linter;
import io.pgentities.internal.engine.PlanExecutor;
import io.pgentities.internal.engine.Rechecks;
import io.pgentities.internal.engine.TenantAnalyzer;

/**
 * The entry point: compares declared entities with a database, plans the difference and
 * applies plans. A check never creates, alters or drops a live object and takes no lock
 * stronger than {@code ACCESS SHARE} on existing relations; declarations are created in a
 * scratch schema inside a transaction that is always rolled back, and read back with the
 * same catalog queries as the live objects.
 * <p>
 * Instances are immutable and thread-safe; each call borrows one connection. An engine
 * remembers its last full checks, so that checking the same declarations again costs one
 * catalog read while nothing they depend on changed (see {@link #check(Collection)}).
 */
public final class PgEntitiesEngine {

	/** The default for {@link Builder#lockTimeout(Duration)}. */
	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);

	/** The default for {@link Builder#statementTimeout(Duration)}. */
	public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofMinutes(2);

	/** The key of the advisory lock {@link #reconcile} holds: the bytes of "pgentity". */
	public static final long RECONCILE_LOCK_KEY = 0x7067656e74697479L;

	/**
	 * The first key of the advisory locks that {@link #provisionTenant} and
	 * {@link #reconcileTenants} hold, one per tenant schema, as {@code pg_advisory_xact_lock(int, int)}
	 * with {@code hashtext(schema)} as the second key (as the loops of {@link #planTenants} do):
	 * the bytes of "pgnt". Locks of two
	 * {@code int} keys are a space apart from the one-{@code bigint} lock of {@link #RECONCILE_LOCK_KEY}.
	 */
	public static final int TENANT_LOCK_CLASS = 0x70676e74;

	/**
	 * The default for {@link Builder#allowedHazards(Collection)}: every hazard but
	 * {@link Hazard#DROPS_UNDECLARED}, which {@link Builder#dropUndeclared(boolean)} allows.
	 */
	public static final Set<Hazard> DEFAULT_ALLOWED_HAZARDS = Collections
		.unmodifiableSet(EnumSet.of(Hazard.DROPS_DEPENDENT, Hazard.RUNS_QUERY, Hazard.CHANGES_ACCESS));

	/** The default schema of unqualified references in declarations. */
	public static final String DEFAULT_SCHEMA = "public";

	private final DataSource dataSource;

	private final List<String> schemas;

	private final boolean dropUndeclared;

	private final Duration lockTimeout;

	private final Duration statementTimeout;

	private final String defaultSchema;

	private final IdentityPatterns ignored;

	private final Duration applyLockTimeout;

	private final Rechecks rechecks = new Rechecks();

	private final Set<Hazard> allowedHazards;

	private PgEntitiesEngine(Builder builder) {
		this.dataSource = builder.dataSource;
		this.schemas = List.copyOf(builder.schemas);
		this.dropUndeclared = builder.dropUndeclared;
		this.lockTimeout = builder.lockTimeout;
		this.statementTimeout = builder.statementTimeout;
		this.defaultSchema = builder.defaultSchema;
		this.ignored = builder.ignored;
		this.applyLockTimeout = builder.applyLockTimeout;
		Set<Hazard> allowed = EnumSet.noneOf(Hazard.class);
		allowed.addAll(builder.allowedHazards);
		if (this.dropUndeclared) {
			allowed.add(Hazard.DROPS_UNDECLARED);
		}
		this.allowedHazards = Collections.unmodifiableSet(allowed);
	}

	/**
	 * An engine with the defaults: managed schemas are those of the declared entities, and
	 * undeclared objects are reported but never dropped.
	 * @param dataSource the database
	 * @return the engine
	 */
	public static PgEntitiesEngine create(DataSource dataSource) {
		return builder(dataSource).build();
	}

	/**
	 * A builder for an engine.
	 * @param dataSource the database
	 * @return the builder
	 */
	public static Builder builder(DataSource dataSource) {
		return new Builder(dataSource);
	}

	/**
	 * The managed schemas configured; empty means the schemas of the declared entities.
	 * @return the schemas
	 */
	public List<String> schemas() {
		return this.schemas;
	}

	/**
	 * Whether plans drop undeclared objects in the managed schemas.
	 * @return whether undeclared objects are dropped
	 */
	public boolean dropUndeclared() {
		return this.dropUndeclared;
	}

	/**
	 * How long a statement of an applied plan waits for a lock before the plan fails.
	 * @return the timeout
	 * @see Builder#applyLockTimeout(Duration)
	 */
	public Duration applyLockTimeout() {
		return this.applyLockTimeout;
	}

	/**
	 * The hazards a plan's statements may have for this engine to apply it: those configured,
	 * and {@link Hazard#DROPS_UNDECLARED} when plans drop undeclared objects.
	 * @return the allowed hazards
	 * @see Builder#allowedHazards(Collection)
	 */
	public Set<Hazard> allowedHazards() {
		return this.allowedHazards;
	}

	/**
	 * The identity patterns of the undeclared objects this engine leaves alone.
	 * @return the patterns, empty when nothing is ignored
	 * @see Builder#ignore(Collection)
	 */
	public List<String> ignored() {
		return this.ignored.patterns();
	}

	/**
	 * Compares the declared entities with the database. When this engine checked the same
	 * declarations before, one read-only look at the catalog first compares the live entities
	 * and everything the earlier simulation depended on (the relations, routines, types and
	 * other names in the schemas the declarations reach, the roles they name, the settings
	 * that change how PostgreSQL prints) with what that check saw; when nothing changed, the
	 * earlier answer is returned without simulating, and nothing but {@code SELECT} is sent.
	 * Anything changed means a full check. {@link #analyze} does the same.
	 * @param declared the declared entities
	 * @return the drift report
	 * @throws EntityRejectedException if PostgreSQL rejects a declaration
	 * @throws PgEntitiesException if the database cannot be read
	 */
	public DriftReport check(Collection<? extends PgEntity> declared) {
		Objects.requireNonNull(declared, "declared must not be null");
		return new Analyzer(this.dataSource, settings(), this.rechecks).check(new ArrayList<>(declared));
	}

	/**
	 * Compiles declarations: simulates them as {@link #check} does, in a transaction that is
	 * rolled back, and keeps what PostgreSQL made of each with what that depended on. Run it
	 * against a database built from the same migrations as the ones it will check, as the
	 * same role and with the same settings ({@code TimeZone}, {@code DateStyle},
	 * {@code IntervalStyle}), or the checks will not be able to use it.
	 * @param declared the declared entities
	 * @return the compiled declarations
	 * @throws EntityRejectedException if PostgreSQL rejects a declaration
	 * @throws PgEntitiesException if the database cannot be read, or kept changing
	 */
	public CompiledDeclarations compile(Collection<? extends PgEntity> declared) {
		Objects.requireNonNull(declared, "declared must not be null");
		return new CompiledDeclarations(new Analyzer(this.dataSource, settings()).compile(new ArrayList<>(declared)));
	}

	/**
	 * Compares compiled declarations with the database. Where the server's major version,
	 * each declaration's hash and the fingerprint of what the declarations depend on are those
	 * of the compilation, the declared side is taken from it: the database is only read, in
	 * a read-only transaction, so this works on a read-only standby. Otherwise the
	 * declarations are checked in full, as {@link #check(Collection)} does.
	 * @param compiled the compiled declarations
	 * @return the drift report, the same as a full check's
	 * @throws EntityRejectedException if a full check is needed and PostgreSQL rejects a
	 * declaration
	 * @throws PgEntitiesException if the database cannot be read
	 */
	public DriftReport check(CompiledDeclarations compiled) {
		Objects.requireNonNull(compiled, "compiled must not be null");
		return new Analyzer(this.dataSource, settings(), this.rechecks).check(compiled.compilation(), compiled.edited());
	}

	/**
	 * The guard a migration of an analysis's plan starts with
	 * ({@link FlywayMigrationWriter#withGuard}): the fingerprints of the live definitions of
	 * the functions, procedures, views, materialized views, triggers and policies the plan
	 * replaces, alters or drops, and the missing ones it creates, which must still be missing
	 * when the migration runs. Reads the database in a read-only transaction that is rolled back.
	 * @param analysis the analysis of this database, from {@link #analyze}
	 * @return the guard, empty when the plan is
	 * @throws PgEntitiesException if the database cannot be read
	 */
	public MigrationGuard guard(Analysis analysis) {
		Objects.requireNonNull(analysis, "analysis must not be null");
		return new Fingerprints(this.dataSource, settings()).guard(analysis);
	}

	/**
	 * Lints the declarations for security mistakes ({@link LintRule}): simulates them as
	 * {@link #check} does and reads what PostgreSQL made of them, and of the live objects they
	 * would replace, in a transaction that is always rolled back; nothing is created, changed
	 * or locked beyond {@code ACCESS SHARE}. Findings an entity
	 * {@linkplain PgEntity#allowedLintRules() allows} are left out.
	 * @param declared the declared entities
	 * @return the findings, by rule, empty when there are none
	 * @throws EntityRejectedException if PostgreSQL rejects a declaration
	 * @throws PgEntitiesException if the database cannot be read
	 */
	public List<LintFinding> lint(Collection<? extends PgEntity> declared) {
		Objects.requireNonNull(declared, "declared must not be null");
		return new Linter(this.dataSource, settings()).lint(new ArrayList<>(declared));
	}

	/**
	 * Plans the statements that bring the database to the declared state.
	 * @param declared the declared entities
	 * @return the plan, empty when in sync
	 * @throws PlanRefusedException if no plan can be made; {@link #analyze} returns the
	 * refusal instead
	 */
	public MigrationPlan plan(Collection<? extends PgEntity> declared) {
		Analysis analysis = analyze(declared);
		PlanRefusal refusal = analysis.plan().refusal();
		if (refusal != null) {
			throw new PlanRefusedException(refusal, analysis.report());
		}
		return analysis.plan();
	}

	/**
	 * Compares and plans in one look at the database. When no plan can be made, the plan is
	 * {@link MigrationPlan#isRefused() refused} and says why; the report is complete either way.
	 * @param declared the declared entities
	 * @return the report and the plan
	 */
	public Analysis analyze(Collection<? extends PgEntity> declared) {
		Objects.requireNonNull(declared, "declared must not be null");
		return new Analyzer(this.dataSource, settings(), this.rechecks).analyze(new ArrayList<>(declared));
	}

	/**
	 * Compares, plans and {@linkplain #lint lints} with one simulation of the declarations, in
	 * one look at the database: what {@link #analyze} and {@link #lint} return, for the cost
	 * of one full check. Unlike {@link #analyze}, it never answers from an earlier check of
	 * the same declarations, since the lint reads what the simulation made of them.
	 * @param declared the declared entities
	 * @return the analysis and the lint's findings
	 * @throws EntityRejectedException if PostgreSQL rejects a declaration
	 * @throws PgEntitiesException if the database cannot be read
	 */
	public LintedAnalysis analyzeAndLint(Collection<? extends PgEntity> declared) {
		Objects.requireNonNull(declared, "declared must not be null");
		return new Analyzer(this.dataSource, settings(), this.rechecks).analyzeAndLint(new ArrayList<>(declared));
	}

	/**
	 * Renders the live entities of the managed schemas as declarations, so that an existing
	 * database can be adopted: each one's text, read back with {@link PgEntities#fromSql},
	 * is in sync with the object it came from. Objects that belong to an extension,
	 * internal triggers and objects matching the {@link Builder#ignore ignore} patterns are
	 * left out, as a check leaves them out. Nothing is changed in the database.
	 * @return one declaration per entity, ordered by kind and identity
	 * @throws IllegalStateException if no managed schemas are configured
	 * @throws PgEntitiesException if the database cannot be read
	 */
	public List<EntityDeclaration> declarations() {
		if (this.schemas.isEmpty()) {
			throw new IllegalStateException("Rendering live entities needs the schemas to read: configure schemas(...)");
		}
		return new Analyzer(this.dataSource, settings()).declarations();
	}

	/**
	 * Reads an identity written by hand as PostgreSQL would read it, for looking entities up
	 * in a {@link DriftReport}: unquoted names fold to lower case, an unqualified name is in
	 * the {@linkplain Builder#defaultSchema(String) default schema}, and the server resolves
	 * each argument type through its aliases and prints it as identities do, so that
	 * {@code f(int)} becomes {@code public.f(integer)} and {@code public.g(timestamptz, varchar[])}
	 * becomes {@code public.g(timestamp with time zone, character varying[])}. The database is
	 * only read, in a read-only transaction that is rolled back; nothing is created or locked.
	 * @param identity the identity as written
	 * @return the identities it may stand for, most likely first (a two-part name without
	 * arguments may be {@code schema.view} or {@code table.trigger} in the default schema); the
	 * text itself when it cannot be read as an identity
	 * @throws PgEntitiesException if the database cannot be read
	 */
	public List<String> resolveIdentity(String identity) {
		Objects.requireNonNull(identity, "identity must not be null");
		return new IdentityResolver(this.dataSource, settings()).resolve(identity);
	}

	/**
	 * Rehearses a plan: runs its statements and then checks the declarations against the
	 * database as the plan left it, all in one transaction that is rolled back whatever
	 * happens, so nothing of the plan remains. A plan converges when the report is in sync;
	 * tests use this to prove that applying a plan would leave no drift, without changing
	 * the database.
	 * @param plan the plan, usually {@link #plan(Collection) planned} for the same declarations
	 * @param declared the declared entities
	 * @return the drift report as seen after the plan's statements, inside the transaction
	 * @throws PlanExecutionException naming the failing statement and PostgreSQL's message
	 * @throws EntityRejectedException if PostgreSQL rejects a declaration
	 */
	public DriftReport rehearse(MigrationPlan plan, Collection<? extends PgEntity> declared) {
		Objects.requireNonNull(plan, "plan must not be null");
		Objects.requireNonNull(declared, "declared must not be null");
		return new Analyzer(this.dataSource, settings()).rehearse(plan, new ArrayList<>(declared));
	}

	/**
	 * Checks and, when anything drifted, applies the plan, holding a PostgreSQL advisory lock
	 * ({@link #RECONCILE_LOCK_KEY}) meanwhile, so that reconciliations started at the same
	 * moment (two instances of an application) run one after the other: the later one finds
	 * the database in sync and applies nothing.
	 * @param declared the declared entities
	 * @return the analysis the applied plan came from
	 * @throws PlanRefusedException if no plan can be made; nothing is applied
	 * @throws PlanHazardException if the plan has hazards that are not
	 * {@linkplain #allowedHazards() allowed}; nothing is applied
	 */
	public Analysis reconcile(Collection<? extends PgEntity> declared) {
		Objects.requireNonNull(declared, "declared must not be null");
		try (Connection lock = this.dataSource.getConnection()) {
			try (Statement statement = lock.createStatement()) {
				statement.execute("SELECT pg_advisory_lock(" + RECONCILE_LOCK_KEY + ")");
			}
			try {
				Analysis analysis = analyze(declared);
				analysis.plan().requireApplicable(this.allowedHazards, analysis.report());
				new PlanExecutor(this.dataSource, settings()).apply(analysis.plan());
				return analysis;
			}
			finally {
				try (Statement statement = lock.createStatement()) {
					statement.execute("SELECT pg_advisory_unlock(" + RECONCILE_LOCK_KEY + ")");
				}
			}
		}
		catch (SQLException ex) {
			throw new PgEntitiesException("Cannot take the pg-entities advisory lock: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Compares every tenant schema with a template, in one look at the database: the live
	 * objects of all tenant schemas are read with one catalog query per kind, and the template
	 * is simulated once, in a scratch copy of one tenant schema, then compared with each tenant's
	 * objects as that tenant's copy. Like {@link #check}, it changes nothing and takes no lock
	 * stronger than {@code ACCESS SHARE}. Undeclared objects in a tenant schema are drift there.
	 * @param template the template
	 * @param tenants where the tenant schemas are, asked once
	 * @return the report, naming each drifted tenant schema
	 * @throws EntityRejectedException if PostgreSQL rejects a declaration of the template
	 * @throws PgEntitiesException if the database cannot be read
	 */
	public TenantDriftReport checkTenants(TenantTemplate template, PgEntitiesTenants tenants) {
		Objects.requireNonNull(template, "template must not be null");
		Objects.requireNonNull(tenants, "tenants must not be null");
		return new TenantAnalyzer(this.dataSource, settings(), this.allowedHazards).check(template, tenants.schemas(this.dataSource));
	}

	/**
	 * Checks every tenant schema and brings each drifted one to the template, tenant by
	 * tenant, as {@link #provisionTenant(String, TenantTemplate)} does: each in a transaction of
	 * its own under the tenant's advisory lock, so that two instances reconciling at once never
	 * apply to one tenant together (the later one finds it in sync), and a tenant that fails is
	 * rolled back alone and reported by name while the others are applied.
	 * @param template the template
	 * @param tenants where the tenant schemas are, asked once
	 * @return the check it started from, the tenants applied and the tenants that failed
	 * @throws EntityRejectedException if PostgreSQL rejects a declaration of the template
	 * @throws PgEntitiesException if the database cannot be read
	 */
	public TenantReconciliation reconcileTenants(TenantTemplate template, PgEntitiesTenants tenants) {
		Objects.requireNonNull(template, "template must not be null");
		Objects.requireNonNull(tenants, "tenants must not be null");
		return new TenantAnalyzer(this.dataSource, settings(), this.allowedHazards).reconcile(template, tenants.schemas(this.dataSource));
	}

	/**
	 * Brings one tenant schema to a template, in a transaction of its own: the call an
	 * application makes where it creates a tenant (once the tenant's tables are committed), and
	 * that {@link #reconcileTenants} makes for each drifted tenant. Holds the tenant's advisory
	 * lock ({@link #TENANT_LOCK_CLASS}) while it analyzes the schema and applies the plan, so
	 * that it never runs at once with another provisioning of the same tenant. Objects of the
	 * schema that the template does not declare are dropped only if the engine
	 * {@linkplain Builder#dropUndeclared(boolean) drops undeclared objects}.
	 * @param schema the tenant schema, as a plain name
	 * @param template the template
	 * @return the analysis whose plan was applied; its plan is empty when the tenant was in sync
	 * @throws PgEntitiesException naming the tenant schema if the template cannot be simulated,
	 * planned or applied there, or its plan has hazards that are not
	 * {@linkplain #allowedHazards() allowed}; nothing is applied then
	 */
	public Analysis provisionTenant(String schema, TenantTemplate template) {
		Objects.requireNonNull(schema, "schema must not be null");
		Objects.requireNonNull(template, "template must not be null");
		return new TenantAnalyzer(this.dataSource, settings(), this.allowedHazards).provision(schema, template);
	}

	/**
	 * Brings one tenant schema to a template in the caller's transaction: for an application
	 * that creates the tenant's schema and tables in a transaction and provisions it before it
	 * commits. Takes the tenant's advisory lock for the rest of the transaction; nothing is
	 * committed or rolled back here, and when a statement fails the transaction is left aborted.
	 * @param schema the tenant schema, as a plain name
	 * @param template the template
	 * @param connection the connection, in a transaction
	 * @return the analysis whose plan was applied
	 * @throws EntityRejectedException if PostgreSQL rejects a declaration of the template there
	 * @throws PlanRefusedException if no plan can be made
	 * @throws PlanHazardException if the plan has hazards that are not
	 * {@linkplain #allowedHazards() allowed}; nothing is run
	 * @throws PlanExecutionException naming the failing statement and PostgreSQL's message
	 * @throws PgEntitiesException if the database fails otherwise
	 */
	public Analysis provisionTenant(String schema, TenantTemplate template, Connection connection) {
		Objects.requireNonNull(schema, "schema must not be null");
		Objects.requireNonNull(template, "template must not be null");
		Objects.requireNonNull(connection, "connection must not be null");
		try {
			return new TenantAnalyzer(this.dataSource, settings(), this.allowedHazards).provision(connection, schema, template);
		}
		catch (SQLException ex) {
			throw new PgEntitiesException("Provisioning tenant schema " + schema + " failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Plans a migration for the tenant schemas: one script of {@code DO} blocks that, when the
	 * migration runs, loop over the schemas matching the patterns and run the plan of a drifted
	 * tenant in each, its schema substituted with {@code format('%I')}. Tenants whose plans
	 * differ from the most common one get loops of their own, over their names; tenants in sync
	 * are left out by name. Tenants created after the migration get the template from the
	 * application's call of {@link #provisionTenant}. Nothing is changed in the database.
	 * @param template the template
	 * @param patterns the tenant patterns, as {@link PgEntitiesTenants#matching} reads them
	 * @return the plan, for {@link FlywayMigrationWriter#write}; empty when every tenant is in sync
	 * @throws PlanRefusedException if no plan can be made for a tenant
	 * @throws EntityRejectedException if PostgreSQL rejects a declaration of the template
	 */
	public MigrationPlan planTenants(TenantTemplate template, Collection<String> patterns) {
		Objects.requireNonNull(patterns, "patterns must not be null");
		return planTenants(template, PgEntitiesTenants.matching(patterns));
	}

	/**
	 * Plans a migration for the tenant schemas that {@code tenants} finds, as
	 * {@link #planTenants(TenantTemplate, Collection)} does: the most common plan loops over the
	 * schemas matching the tenants' {@linkplain PgEntitiesTenants#patterns() patterns} when the
	 * migration runs; tenants found otherwise (a list of their own) are named in the loops.
	 * @param template the template
	 * @param tenants where the tenant schemas are, asked once
	 * @return the plan, for {@link FlywayMigrationWriter#write}; empty when every tenant is in sync
	 * @throws PlanRefusedException if no plan can be made for a tenant
	 * @throws EntityRejectedException if PostgreSQL rejects a declaration of the template
	 */
	public MigrationPlan planTenants(TenantTemplate template, PgEntitiesTenants tenants) {
		Objects.requireNonNull(template, "template must not be null");
		Objects.requireNonNull(tenants, "tenants must not be null");
		return new TenantAnalyzer(this.dataSource, settings(), this.allowedHazards).plan(template,
				tenants.schemas(this.dataSource), tenants.patterns());
	}

	/**
	 * Runs a plan in one transaction: either every statement takes effect or none does.
	 * @param plan the plan
	 * @throws PlanExecutionException naming the failing statement and PostgreSQL's message
	 * @throws PlanRefusedException if the plan is refused
	 * @throws PlanHazardException if the plan has hazards that are not
	 * {@linkplain #allowedHazards() allowed}; nothing is applied
	 */
	public void apply(MigrationPlan plan) {
		Objects.requireNonNull(plan, "plan must not be null");
		plan.requireApplicable(this.allowedHazards, null);
		new PlanExecutor(this.dataSource, settings()).apply(plan);
	}

	/**
	 * Runs a plan's statements on a connection whose transaction the caller owns (a Flyway
	 * callback's, for instance), with this engine's {@linkplain Builder#applyLockTimeout(Duration)
	 * lock timeout for plans}. Nothing is committed or rolled
	 * back here: when a statement fails, the caller's transaction is left aborted.
	 * @param plan the plan
	 * @param connection the connection, in a transaction
	 * @throws PlanExecutionException naming the failing statement and PostgreSQL's message
	 * @throws PlanRefusedException if the plan is refused
	 * @throws PlanHazardException if the plan has hazards that are not
	 * {@linkplain #allowedHazards() allowed}; nothing is run
	 */
	public void apply(MigrationPlan plan, Connection connection) {
		Objects.requireNonNull(plan, "plan must not be null");
		Objects.requireNonNull(connection, "connection must not be null");
		plan.requireApplicable(this.allowedHazards, null);
		try {
			PlanExecutor.run(connection, plan.statements(), settings());
		}
		catch (SQLException ex) {
			throw new PgEntitiesException("Applying the plan failed: " + ex.getMessage(), ex);
		}
	}

	private EngineSettings settings() {
		return new EngineSettings(this.schemas, this.dropUndeclared, this.lockTimeout, this.statementTimeout,
				this.defaultSchema, this.ignored, this.applyLockTimeout);
	}

	/**
	 * Builds a {@link PgEntitiesEngine}.
	 */
	public static final class Builder {

		private final DataSource dataSource;

		private List<String> schemas = List.of();

		private boolean dropUndeclared;

		private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;

		private Duration statementTimeout = DEFAULT_STATEMENT_TIMEOUT;

		private String defaultSchema = DEFAULT_SCHEMA;

		private IdentityPatterns ignored = IdentityPatterns.NONE;

		private Duration applyLockTimeout = DEFAULT_LOCK_TIMEOUT;

		private Set<Hazard> allowedHazards = DEFAULT_ALLOWED_HAZARDS;

		private Builder(DataSource dataSource) {
			this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
		}

		/**
		 * The managed schemas: where undeclared objects are reported (and dropped, if enabled).
		 * Default: the schemas of the declared entities.
		 * @param schemas the schema names
		 * @return this builder
		 */
		public Builder schemas(String... schemas) {
			return schemas(List.of(schemas));
		}

		/**
		 * The managed schemas.
		 * @param schemas the schema names
		 * @return this builder
		 * @see #schemas(String...)
		 */
		public Builder schemas(Collection<String> schemas) {
			this.schemas = List.copyOf(schemas);
			return this;
		}

		/**
		 * Whether plans drop objects in the managed schemas that nothing declares. Default {@code false}.
		 * @param dropUndeclared whether to drop undeclared objects
		 * @return this builder
		 */
		public Builder dropUndeclared(boolean dropUndeclared) {
			this.dropUndeclared = dropUndeclared;
			return this;
		}

		/**
		 * Undeclared objects to leave alone, by identity pattern: {@code *} matches any run of
		 * characters ({@code public.legacy_*}, {@code reporting.*},
		 * {@code public.products.audit_*} for the triggers of a table). Matching objects are
		 * neither reported nor dropped, whatever {@link #dropUndeclared(boolean)} says; when
		 * something they depend on must be dropped and created again, they are created again
		 * as they were, like any dependent. A declared entity is compared even if its identity
		 * matches. Whitespace outside quoted names does not count, and a pattern without an
		 * argument list matches every overload of a routine ({@code public.f} matches
		 * {@code public.f(integer)}). Names are written as identities print them; an argument
		 * list without {@code *} is read like a declaration's ({@code public.f(int, timestamptz)}
		 * matches {@code public.f(integer, timestamp with time zone)}). Default: none.
		 * @param patterns the patterns
		 * @return this builder
		 * @throws IllegalArgumentException if a pattern is blank
		 */
		public Builder ignore(Collection<String> patterns) {
			this.ignored = IdentityPatterns.of(patterns);
			return this;
		}

		/**
		 * How long a check waits for a lock before failing ({@code lock_timeout}). Default 5 seconds.
		 * @param lockTimeout the timeout
		 * @return this builder
		 */
		public Builder lockTimeout(Duration lockTimeout) {
			this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout must not be null");
			return this;
		}

		/**
		 * How long a statement of an applied plan waits for a lock ({@code lock_timeout}) before
		 * the plan fails and is rolled back. A DDL statement waiting for its
		 * {@code ACCESS EXCLUSIVE} lock queues every later reader of the relation behind it, so
		 * a short budget keeps a blocked apply from stalling the application; retry the apply
		 * when the blocking transaction is gone. Default 5 seconds.
		 * @param applyLockTimeout the timeout
		 * @return this builder
		 */
		public Builder applyLockTimeout(Duration applyLockTimeout) {
			this.applyLockTimeout = Objects.requireNonNull(applyLockTimeout, "applyLockTimeout must not be null");
			return this;
		}

		/**
		 * The hazards ({@link PlannedStatement#hazards()}) a plan's statements may have for
		 * {@link #apply}, {@link #reconcile} and the Flyway callback to run it; a plan with
		 * others is refused with a {@link PlanHazardException} and nothing is run.
		 * {@link Hazard#DROPS_UNDECLARED} is allowed whenever
		 * {@linkplain #dropUndeclared(boolean) undeclared objects are dropped}. Default: every
		 * hazard but {@code DROPS_UNDECLARED} ({@link #DEFAULT_ALLOWED_HAZARDS}).
		 * @param allowedHazards the allowed hazards, empty to allow none
		 * @return this builder
		 */
		public Builder allowedHazards(Collection<Hazard> allowedHazards) {
			Objects.requireNonNull(allowedHazards, "allowedHazards must not be null");
			this.allowedHazards = allowedHazards.isEmpty() ? Set.of() : EnumSet.copyOf(allowedHazards);
			return this;
		}

		/**
		 * How long one statement of a check may run ({@code statement_timeout}). Default 2 minutes.
		 * @param statementTimeout the timeout
		 * @return this builder
		 */
		public Builder statementTimeout(Duration statementTimeout) {
			this.statementTimeout = Objects.requireNonNull(statementTimeout, "statementTimeout must not be null");
			return this;
		}

		/**
		 * The schema that unqualified references in declarations look in first while they are
		 * simulated (after the simulated copies of declared objects). Default {@code public}.
		 * @param defaultSchema the schema
		 * @return this builder
		 */
		public Builder defaultSchema(String defaultSchema) {
			this.defaultSchema = Objects.requireNonNull(defaultSchema, "defaultSchema must not be null");
			return this;
		}

		/**
		 * Builds the engine.
		 * @return the engine
		 */
		public PgEntitiesEngine build() {
			return new PgEntitiesEngine(this);
		}

	}

}
