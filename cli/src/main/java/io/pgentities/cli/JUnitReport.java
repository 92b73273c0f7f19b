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

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.pgentities.EntityDrift;
import io.pgentities.LintFinding;

/**
 * JUnit XML, as CI servers read test results: one test suite, one {@code <testcase>} per
 * entity (class name: its kind, name: its identity). Drift that fails the gate is a
 * {@code <failure>} whose text is the diff; drift a baseline accepts is {@code <skipped>}.
 * Each lint finding is a test case too (class name: {@code pg-entities.lint.<rule>}), a
 * {@code <failure>} when the lint fails the gate.
 */
final class JUnitReport implements ReportFormat.ReportWriter {

	private static final String SUITE = "pg-entities drift check";

	@Override
	public String render(GateResult result) {
		List<EntityDrift> entities = result.report().entities();
		long skipped = result.report().drifted().size() - result.failing().size();
		long tests = entities.size() + result.lint().size();
		long failures = result.failing().size() + (result.lintFails() ? result.lint().size() : 0);
		String time = seconds(result.report().duration().toMillis());
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeCharacters("\n");
			xml.writeStartElement("testsuites");
			xml.writeAttribute("name", "pg-entities");
			xml.writeAttribute("tests", String.valueOf(tests));
			xml.writeAttribute("failures", String.valueOf(failures));
			xml.writeAttribute("errors", "0");
			xml.writeAttribute("skipped", String.valueOf(skipped));
			xml.writeAttribute("time", time);
			xml.writeCharacters("\n  ");
			xml.writeStartElement("testsuite");
			xml.writeAttribute("name", SUITE);
			xml.writeAttribute("tests", String.valueOf(tests));
			xml.writeAttribute("failures", String.valueOf(failures));
			xml.writeAttribute("errors", "0");
			xml.writeAttribute("skipped", String.valueOf(skipped));
			xml.writeAttribute("time", time);
			xml.writeAttribute("timestamp",
					OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
			for (EntityDrift drift : entities) {
				xml.writeCharacters("\n    ");
				testCase(xml, drift, result.state(drift));
			}
			for (LintFinding finding : result.lint()) {
				xml.writeCharacters("\n    ");
				lintCase(xml, finding, result.lintFails());
			}
			xml.writeCharacters("\n  ");
			xml.writeEndElement();
			xml.writeCharacters("\n");
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Cannot write the JUnit report", ex);
		}
		return out + "\n";
	}

	private static void testCase(XMLStreamWriter xml, EntityDrift drift, Baseline.BaselineState state)
			throws XMLStreamException {
		xml.writeStartElement("testcase");
		xml.writeAttribute("name", drift.identity());
		xml.writeAttribute("classname", "pg-entities." + drift.kind().name().toLowerCase(Locale.ROOT));
		xml.writeAttribute("time", "0");
		if (state.fails()) {
			xml.writeStartElement("failure");
			xml.writeAttribute("message", message(drift)
					+ ((state == Baseline.BaselineState.UPDATED) ? ", differently from the baseline" : ""));
			xml.writeAttribute("type", drift.status().name());
			xml.writeCharacters(drift.diff());
			xml.writeEndElement();
		}
		else if (state == Baseline.BaselineState.UNCHANGED) {
			xml.writeStartElement("skipped");
			xml.writeAttribute("message", message(drift) + ", accepted by the baseline");
			xml.writeEndElement();
		}
		xml.writeStartElement("system-out");
		xml.writeCharacters("declared at " + drift.source());
		xml.writeEndElement();
		xml.writeEndElement();
	}

	private static void lintCase(XMLStreamWriter xml, LintFinding finding, boolean fails) throws XMLStreamException {
		xml.writeStartElement("testcase");
		xml.writeAttribute("name", finding.identity() + " " + finding.ruleId());
		xml.writeAttribute("classname", "pg-entities.lint." + finding.ruleId());
		xml.writeAttribute("time", "0");
		if (fails) {
			xml.writeStartElement("failure");
			xml.writeAttribute("message", finding.message());
			xml.writeAttribute("type", finding.ruleId());
			xml.writeCharacters(finding.why() + ".\nFix: " + finding.fix() + ".");
			xml.writeEndElement();
		}
		xml.writeStartElement("system-out");
		xml.writeCharacters(finding.message());
		xml.writeEndElement();
		xml.writeEndElement();
	}

	static String message(EntityDrift drift) {
		return switch (drift.status()) {
			case MISSING -> drift.kind().sqlName() + " " + drift.identity() + " is declared but missing from the database";
			case CHANGED -> drift.kind().sqlName() + " " + drift.identity() + " differs from its declaration";
			case UNDECLARED -> drift.kind().sqlName() + " " + drift.identity() + " is in the database but declared nowhere";
			case IN_SYNC -> drift.kind().sqlName() + " " + drift.identity() + " is in sync";
		};
	}

	private static String seconds(long millis) {
		return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
	}

}
