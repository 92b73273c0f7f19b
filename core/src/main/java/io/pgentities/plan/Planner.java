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
package io.pgentities.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.pgentities.DriftStatus;
import io.pgentities.EntityKind;
import io.pgentities.MigrationPlan;
import io.pgentities.PgEntity;
import io.pgentities.PgMaterializedView;
import io.pgentities.PlanRefusal;
import io.pgentities.catalog.CatalogEntity;
import io.pgentities.catalog.CatalogRoutine;
import io.pgentities.catalog.CatalogTrigger;
import io.pgentities.catalog.CatalogView;
import io.pgentities.diff.EntityComparison;
import io.pgentities.sql.Identifiers;
import io.pgentities.sql.IndexStatements;
import org.jspecify.annotations.Nullable;

/**
 * Turns comparisons into an ordered plan. Changes apply in place ({@code CREATE OR REPLACE},
 * {@code COMMENT ON}, index changes of a materialized view) where PostgreSQL allows it;
 * otherwise the object is dropped and created again together with everything that depends on
 * it, dependents dropped first and created last, each getting its comment, owner and grants
 * back. Never {@code CASCADE}. Every name is schema-qualified, so nothing depends on the
 * {@code search_path} of whoever applies the plan.
 */
public final class Planner {

	private final Map<String, EntityComparison> comparisons = new LinkedHashMap<>();

	private final Map<String, Set<String>> currentNeeds;

	private final Map<String, Set<String>> desiredNeeds;

	private final Map<String, Integer> creationRank = new HashMap<>();

	private final Options options;

	private final Set<String> drops = new LinkedHashSet<>();

	private final Set<String> creates = new LinkedHashSet<>();

	private final Set<String> inPlace = new LinkedHashSet<>();

	private final Map<String, String> reasons = new LinkedHashMap<>();

	private final Surroundings surroundings;

	private Planner(List<EntityComparison> comparisons, Map<String, Set<String>> currentNeeds,
			Map<String, Set<String>> desiredNeeds, List<String> creationOrder, Surroundings surroundings,
			Options options) {
		comparisons.forEach((comparison) -> this.comparisons.put(comparison.identity(), comparison));
		// bystanders stay as they are unless something they depend on is dropped
		surroundings.bystanders()
			.forEach((identity, bystander) -> this.comparisons.putIfAbsent(identity,
					new EntityComparison(identity, null, bystander, bystander, DriftStatus.IN_SYNC, "")));
		this.surroundings = surroundings;
		this.currentNeeds = currentNeeds;
		this.desiredNeeds = desiredNeeds;
		for (int i = 0; i < creationOrder.size(); i++) {
			this.creationRank.putIfAbsent(creationOrder.get(i), i);
		}
		this.options = options;
	}

	/**
	 * Plans.
	 * @param comparisons every compared identity
	 * @param currentNeeds for each live identity, the identities it depends on now
	 * @param desiredNeeds for each declared identity, the identities its declaration depends on
	 * @param creationOrder declared identities in an order PostgreSQL accepted them
	 * @param surroundings the objects outside the managed ones that drops affect
	 * @param options the options
	 * @return the plan, {@link MigrationPlan#isRefused() refused} if an object must be dropped
	 * that something no plan can recreate depends on
	 */
	public static MigrationPlan plan(List<EntityComparison> comparisons, Map<String, Set<String>> currentNeeds,
			Map<String, Set<String>> desiredNeeds, List<String> creationOrder, Surroundings surroundings,
			Options options) {
		return new Planner(comparisons, currentNeeds, desiredNeeds, creationOrder, surroundings, options).plan();
	}

	private MigrationPlan plan() {
		Set<String> stillNeeded = neededByDesired();
		for (EntityComparison comparison : this.comparisons.values()) {
			if (comparison.status() == DriftStatus.UNDECLARED && this.options.dropUndeclared()
					&& stillNeeded.contains(comparison.identity())) {
				this.reasons.put(comparison.identity(), "kept: a declared object depends on it");
				continue;
			}
			decide(comparison);
		}
		closeOverDependents();
		PlanRefusal refusal = blockedDrop();
		if (refusal == null) {
			refusal = triggerNameClash();
		}
		if (refusal != null) {
			return MigrationPlan.refused(refusal);
		}
		List<String> statements = new ArrayList<>();
		Map<String, Set<String>> dependents = invert(this.currentNeeds);
		for (String identity : TopologicalOrder.sort(this.drops, dependents, this::compareForDrop)) {
			statements.add(current(identity).dropStatement());
		}
		Set<String> toCreate = new LinkedHashSet<>(this.creates);
		toCreate.addAll(this.inPlace);
		Map<String, Set<String>> needs = new HashMap<>();
		for (String identity : toCreate) {
			EntityComparison comparison = this.comparisons.get(identity);
			needs.put(identity, (comparison.desired() != null) ? this.desiredNeeds.getOrDefault(identity, Set.of())
					: this.currentNeeds.getOrDefault(identity, Set.of()));
		}
		for (String identity : TopologicalOrder.sort(toCreate, needs, this::compareForCreate)) {
			statements.addAll(this.creates.contains(identity) ? create(identity) : changeInPlace(identity));
		}
		List<String> summary = new ArrayList<>();
		this.reasons.forEach((identity, reason) -> {
			EntityComparison comparison = this.comparisons.get(identity);
			summary.add(comparison.status() + " " + comparison.kind().sqlName() + " " + identity + ": " + reason);
		});
		List<String> dropped = this.drops.stream().filter((identity) -> !this.creates.contains(identity)).toList();
		return new MigrationPlan(statements, summary, dropped);
	}

	private void decide(EntityComparison comparison) {
		String identity = comparison.identity();
		switch (comparison.status()) {
			case MISSING -> {
				this.creates.add(identity);
				this.reasons.put(identity, "create");
			}
			case CHANGED -> {
				String inPlaceReason = inPlaceChange(comparison);
				if (inPlaceReason != null) {
					this.inPlace.add(identity);
					this.reasons.put(identity, inPlaceReason);
				}
				else {
					this.drops.add(identity);
					this.creates.add(identity);
					this.reasons.put(identity, "drop and create (" + whyNotInPlace(comparison) + ")");
				}
			}
			case UNDECLARED -> {
				if (this.options.dropUndeclared()) {
					this.drops.add(identity);
					this.reasons.put(identity, "drop (declared by nothing)");
				}
			}
			case IN_SYNC -> {
			}
		}
	}

	private @Nullable String inPlaceChange(EntityComparison comparison) {
		CatalogEntity desired = Objects.requireNonNull(comparison.desired());
		CatalogEntity current = Objects.requireNonNull(comparison.current());
		if (desired.comparisonKey().equals(current.comparisonKey())) {
			return "set comment";
		}
		if (desired instanceof CatalogRoutine routine && current instanceof CatalogRoutine existing
				&& existing.replaceableBy(routine)) {
			return "CREATE OR REPLACE";
		}
		if (desired instanceof CatalogView view && current instanceof CatalogView existing) {
			if (existing.replaceableBy(view)) {
				return "CREATE OR REPLACE VIEW";
			}
			if (view.kind() == EntityKind.MATERIALIZED_VIEW && existing.kind() == view.kind()
					&& view.query().equals(existing.query()) && view.options().equals(existing.options())) {
				return "change indexes";
			}
		}
		return null;
	}

	private static String whyNotInPlace(EntityComparison comparison) {
		CatalogEntity desired = Objects.requireNonNull(comparison.desired());
		return switch (desired.kind()) {
			case FUNCTION, PROCEDURE -> "CREATE OR REPLACE cannot change the result type, argument names or defaults";
			case VIEW -> "CREATE OR REPLACE VIEW can only append columns";
			case MATERIALIZED_VIEW -> "a materialized view cannot be replaced in place";
			case TRIGGER, POLICY -> "replaced by drop and create";
		};
	}

	/**
	 * What the desired state needs, transitively: an undeclared object a declared one reads
	 * cannot be dropped, whatever drop-undeclared says.
	 */
	private Set<String> neededByDesired() {
		Set<String> needed = new HashSet<>();
		Deque<String> work = new ArrayDeque<>();
		for (EntityComparison comparison : this.comparisons.values()) {
			if (comparison.desired() != null) {
				work.push(comparison.identity());
			}
		}
		while (!work.isEmpty()) {
			String identity = work.pop();
			EntityComparison comparison = this.comparisons.get(identity);
			Map<String, Set<String>> graph = (comparison != null && comparison.desired() != null) ? this.desiredNeeds
					: this.currentNeeds;
			for (String referenced : graph.getOrDefault(identity, Set.of())) {
				if (needed.add(referenced)) {
					work.push(referenced);
				}
			}
		}
		return needed;
	}

	/**
	 * Whatever depends on a dropped object is dropped before it and created again after.
	 */
	private void closeOverDependents() {
		Map<String, Set<String>> dependents = invert(this.currentNeeds);
		Deque<String> work = new ArrayDeque<>(this.drops);
		while (!work.isEmpty()) {
			String dropped = work.pop();
			for (String dependent : dependents.getOrDefault(dropped, Set.of())) {
				EntityComparison comparison = this.comparisons.get(dependent);
				if (comparison == null || comparison.current() == null || !this.drops.add(dependent)) {
					continue;
				}
				work.push(dependent);
				boolean kept = comparison.desired() != null || !this.options.dropUndeclared();
				if (kept) {
					this.creates.add(dependent);
					this.inPlace.remove(dependent);
					this.reasons.put(dependent, "drop and create (depends on " + dropped + ")");
				}
			}
		}
	}

	private @Nullable PlanRefusal blockedDrop() {
		for (String identity : this.drops) {
			List<String> blockers = this.surroundings.blockers().get(identity);
			if (blockers != null) {
				EntityComparison comparison = this.comparisons.get(identity);
				return PlanRefusal.blockedDrop(comparison.kind(), identity, this.reasons.getOrDefault(identity, "drop"),
						this.creates.contains(identity), blockers);
			}
		}
		return null;
	}

	/**
	 * PostgreSQL clones a partitioned table's row trigger onto each of its partitions under the
	 * trigger's name, so a partition cannot also have a trigger of its own by that name: refuse
	 * a plan that would create one of the two while the other is there after the plan. A
	 * trigger on a partition that takes over from its partitioned table's trigger is fine when
	 * the plan drops that one for good, since its clones go with it.
	 */
	private @Nullable PlanRefusal triggerNameClash() {
		if (this.surroundings.partitionAncestors().isEmpty()) {
			return null;
		}
		Map<List<String>, CatalogTrigger> remaining = new HashMap<>();
		for (EntityComparison comparison : this.comparisons.values()) {
			boolean remains = this.creates.contains(comparison.identity())
					|| (comparison.current() != null && !this.drops.contains(comparison.identity()));
			if (remains && comparison.either() instanceof CatalogTrigger trigger) {
				remaining.put(List.of(trigger.tableIdentity(), trigger.name()), trigger);
			}
		}
		for (CatalogTrigger trigger : remaining.values()) {
			for (String ancestor : this.surroundings.partitionAncestors()
				.getOrDefault(trigger.tableIdentity(), Set.of())) {
				CatalogTrigger cloned = remaining.get(List.of(ancestor, trigger.name()));
				if (cloned != null && cloned.rowLevel() && (this.creates.contains(trigger.identity())
						|| this.creates.contains(cloned.identity()))) {
					return new PlanRefusal(EntityKind.TRIGGER, trigger.identity(), trigger.designation()
							+ " cannot be created: PostgreSQL clones row " + cloned.designation()
							+ " onto every partition of " + ancestor + " under its name, so partition "
							+ trigger.tableIdentity() + " cannot have a trigger " + Identifiers.quote(trigger.name())
							+ " of its own while that one exists",
							"Declare the trigger once: on " + ancestor + ", or on the partitions and not on " + ancestor
									+ ".",
							List.of());
				}
			}
		}
		return null;
	}

	private List<String> create(String identity) {
		EntityComparison comparison = this.comparisons.get(identity);
		CatalogEntity entity = comparison.either();
		List<String> statements = new ArrayList<>();
		if (entity instanceof CatalogView view && view.kind() == EntityKind.MATERIALIZED_VIEW) {
			boolean withData = (comparison.declared() instanceof PgMaterializedView declared) ? declared.withData()
					: view.populated();
			List<String> created = new ArrayList<>(view.createStatements(withData, comparison.declared()));
			if (withData) {
				created.set(0, "-- " + identity + " is created WITH DATA: its query runs now\n" + created.get(0));
			}
			statements.addAll(created);
		}
		else {
			statements.addAll(entity.createStatements());
		}
		String comment = comparison.desiredComment();
		if (comment != null) {
			statements.add(entity.commentStatement(comment));
		}
		CatalogEntity restoredFrom = this.options.undo() ? comparison.desired() : comparison.current();
		if (restoredFrom != null) {
			statements.addAll(Privileges.restore(restoredFrom, entity, this.options.currentUser()));
		}
		return statements;
	}

	private List<String> changeInPlace(String identity) {
		EntityComparison comparison = this.comparisons.get(identity);
		CatalogEntity desired = Objects.requireNonNull(comparison.desired());
		CatalogEntity current = Objects.requireNonNull(comparison.current());
		List<String> statements = new ArrayList<>();
		if (!desired.comparisonKey().equals(current.comparisonKey())) {
			if (desired instanceof CatalogRoutine routine) {
				statements.add(routine.canonicalDefinition());
			}
			else if (desired instanceof CatalogView view && view.kind() == EntityKind.VIEW) {
				statements.add(view.replaceStatement());
			}
			else if (desired instanceof CatalogView view && current instanceof CatalogView existing) {
				statements.addAll(indexChanges(existing, view, comparison.declared()));
			}
		}
		String comment = comparison.desiredComment();
		if (!Objects.equals(comment, current.comment())) {
			statements.add(desired.commentStatement(comment));
		}
		return statements;
	}

	private static List<String> indexChanges(CatalogView existing, CatalogView desired, @Nullable PgEntity declared) {
		List<String> statements = new ArrayList<>();
		for (String index : existing.indexes()) {
			if (!desired.indexes().contains(index)) {
				statements.add("DROP INDEX " + Identifiers.qualify(existing.schema(),
						IndexStatements.name(index).orElseThrow()));
			}
		}
		for (String index : desired.indexes()) {
			if (!existing.indexes().contains(index)) {
				statements.add(desired.indexStatement(index, declared));
			}
		}
		return statements;
	}

	private CatalogEntity current(String identity) {
		return Objects.requireNonNull(this.comparisons.get(identity).current());
	}

	private int compareForDrop(String a, String b) {
		return Comparator.<String>comparingInt((identity) -> -current(identity).kind().creationRank())
			.thenComparing(Comparator.naturalOrder())
			.compare(a, b);
	}

	private int compareForCreate(String a, String b) {
		return Comparator.<String>comparingInt((identity) -> this.creationRank.getOrDefault(identity, Integer.MAX_VALUE))
			.thenComparingInt((identity) -> this.comparisons.get(identity).kind().creationRank())
			.thenComparing(Comparator.naturalOrder())
			.compare(a, b);
	}

	private static Map<String, Set<String>> invert(Map<String, Set<String>> needs) {
		Map<String, Set<String>> inverted = new HashMap<>();
		needs.forEach((dependent, referenced) -> referenced.forEach(
				(target) -> inverted.computeIfAbsent(target, (t) -> new HashSet<>()).add(dependent)));
		return inverted;
	}

	/**
	 * What a plan may do.
	 *
	 * @param dropUndeclared whether undeclared objects are dropped
	 * @param currentUser the role that will apply the plan; recreated objects owned by
	 * another role are given back to it
	 * @param undo whether this plans the way back, where the desired objects are the ones the
	 * database had, owners and privileges included
	 */
	public record Options(boolean dropUndeclared, String currentUser, boolean undo) {

	}

}
