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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pgentities.DriftReport;
import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drift that was there before and is accepted for now: each drifted entity's kind, identity,
 * status and a fingerprint of its diff (the lines where the database's and the declared
 * canonical text differ, with their context). A check against a baseline fails only on drift
 * that is new, or that differs from what was recorded.
 */
public final class Baseline {

	private static final int FORMAT_VERSION = 1;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final Map<String, Entry> entries;

	private Baseline(Map<String, Entry> entries) {
		this.entries = Map.copyOf(entries);
	}

	/**
	 * A baseline that accepts nothing.
	 * @return the empty baseline
	 */
	public static Baseline empty() {
		return new Baseline(Map.of());
	}

	/**
	 * The baseline that accepts the drift of a report.
	 * @param report the report
	 * @return the baseline
	 */
	public static Baseline of(DriftReport report) {
		Map<String, Entry> entries = new LinkedHashMap<>();
		for (EntityDrift drift : report.drifted()) {
			Entry entry = Entry.of(drift);
			entries.put(entry.key(), entry);
		}
		return new Baseline(entries);
	}

	/**
	 * Reads a baseline that {@link #write(Path)} wrote.
	 * @param file the file
	 * @return the baseline
	 * @throws GateException if the file cannot be read or is not a baseline
	 */
	public static Baseline read(Path file) {
		JsonNode root;
		try {
			root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new GateException("Cannot read the baseline " + file + ": " + ex, ex);
		}
		catch (JacksonException ex) {
			throw new GateException("The baseline " + file + " is not JSON: " + ex.getOriginalMessage(), ex);
		}
		if (root.path("version").asInt(0) != FORMAT_VERSION || !root.path("drift").isArray()) {
			throw new GateException("The baseline " + file + " is not a pg-entities baseline (version "
					+ FORMAT_VERSION + " with a drift array)");
		}
		Map<String, Entry> entries = new LinkedHashMap<>();
		for (JsonNode node : root.path("drift")) {
			Entry entry = new Entry(node.path("kind").asString(""), node.path("identity").asString(""),
					node.path("status").asString(""), node.path("fingerprint").asString(""));
			entries.put(entry.key(), entry);
		}
		return new Baseline(entries);
	}

	/**
	 * Writes the baseline as JSON, sorted, so that it diffs well under version control.
	 * @param file the file
	 * @throws GateException if the file cannot be written
	 */
	public void write(Path file) {
		ObjectNode root = MAPPER.createObjectNode();
		root.put("version", FORMAT_VERSION);
		ArrayNode drift = root.putArray("drift");
		this.entries.values()
			.stream()
			.sorted(java.util.Comparator.comparing(Entry::key))
			.forEach((entry) -> drift.addObject()
				.put("kind", entry.kind())
				.put("identity", entry.identity())
				.put("status", entry.status())
				.put("fingerprint", entry.fingerprint()));
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new GateException("Cannot write the baseline " + file + ": " + ex, ex);
		}
	}

	/**
	 * How an entity's drift compares with this baseline.
	 * @param drift the entity's comparison
	 * @return its state; {@link BaselineState#ABSENT} for an entity in sync
	 */
	public BaselineState stateOf(EntityDrift drift) {
		if (drift.status() == DriftStatus.IN_SYNC) {
			return BaselineState.ABSENT;
		}
		Entry current = Entry.of(drift);
		Entry recorded = this.entries.get(current.key());
		if (recorded == null) {
			return BaselineState.NEW;
		}
		return recorded.equals(current) ? BaselineState.UNCHANGED : BaselineState.UPDATED;
	}

	/**
	 * The number of drifted entities the baseline accepts.
	 * @return the number of entries
	 */
	public int size() {
		return this.entries.size();
	}

	/**
	 * How an entity's drift compares with a baseline (SARIF's {@code baselineState} values).
	 */
	public enum BaselineState {

		/** The entity is in sync: there is no drift to compare. */
		ABSENT,

		/** The drift is not in the baseline: the gate fails. */
		NEW,

		/** The entity drifted before, differently: the gate fails. */
		UPDATED,

		/** The drift is the one the baseline records: accepted. */
		UNCHANGED;

		/**
		 * Whether drift in this state fails the gate.
		 * @return whether it fails
		 */
		public boolean fails() {
			return this == NEW || this == UPDATED;
		}

	}

	private record Entry(String kind, String identity, String status, String fingerprint) {

		static Entry of(EntityDrift drift) {
			return new Entry(drift.kind().name(), drift.identity(), drift.status().name(),
					fingerprint(drift.status().name() + "\n" + drift.diff()));
		}

		String key() {
			return this.kind + " " + this.identity;
		}

		private static String fingerprint(String text) {
			try {
				MessageDigest digest = MessageDigest.getInstance("SHA-256");
				return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("SHA-256 is not available", ex);
			}
		}

	}

}
