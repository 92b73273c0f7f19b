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

import java.io.StringReader;
import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JUnitReport}.
 */
class JUnitReportTests {

	@Test
	void reportIsValidJUnitXmlWithOneTestCasePerEntityAndTheDiffInEachFailure() throws Exception {
		String xml = ReportFormat.JUNIT.render(SampleResults.result());

		validate(xml);
		Document document = parse(xml);
		Element suite = (Element) document.getElementsByTagName("testsuite").item(0);
		assertThat(suite.getAttribute("tests")).isEqualTo("4");
		assertThat(suite.getAttribute("failures")).isEqualTo("3");
		assertThat(suite.getAttribute("skipped")).isEqualTo("0");
		NodeList cases = document.getElementsByTagName("testcase");
		assertThat(cases.getLength()).isEqualTo(4);
		Element changed = (Element) cases.item(1);
		assertThat(changed.getAttribute("name")).isEqualTo("public.cheap_products");
		assertThat(changed.getAttribute("classname")).isEqualTo("pg-entities.view");
		Element failure = (Element) changed.getElementsByTagName("failure").item(0);
		assertThat(failure.getAttribute("type")).isEqualTo("CHANGED");
		assertThat(failure.getTextContent()).isEqualTo(SampleResults.CHANGED.diff());
		assertThat(changed.getElementsByTagName("system-out").item(0).getTextContent())
			.isEqualTo("declared at db/entities/views.sql:4");
		assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isZero();
	}

	@Test
	void driftTheBaselineAcceptsIsSkippedNotFailed() throws Exception {
		String xml = ReportFormat.JUNIT.render(SampleResults.resultAcceptingTheChangedView());

		validate(xml);
		Document document = parse(xml);
		Element suite = (Element) document.getElementsByTagName("testsuite").item(0);
		assertThat(suite.getAttribute("failures")).isEqualTo("2");
		assertThat(suite.getAttribute("skipped")).isEqualTo("1");
		Element changed = (Element) document.getElementsByTagName("testcase").item(1);
		assertThat(changed.getElementsByTagName("skipped").item(0)).isNotNull();
		assertThat(changed.getElementsByTagName("failure").getLength()).isZero();
	}

	private static void validate(String xml) throws Exception {
		URL schema = JUnitReportTests.class.getResource("junit.xsd");
		Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
			.newSchema(schema)
			.newValidator();
		validator.validate(new StreamSource(new StringReader(xml)));
	}

	private static Document parse(String xml) throws Exception {
		return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
	}

	@Test
	void aLintFindingIsAPassingTestCaseWhenTheLintWarns() throws Exception {
		String xml = ReportFormat.JUNIT.render(SampleResults.resultWithLint(LintMode.WARN));

		validate(xml);
		Document document = parse(xml);
		Element suite = (Element) document.getElementsByTagName("testsuite").item(0);
		assertThat(suite.getAttribute("tests")).isEqualTo("5");
		assertThat(suite.getAttribute("failures")).isEqualTo("3");
		Element finding = (Element) document.getElementsByTagName("testcase").item(4);
		assertThat(finding.getAttribute("name")).isEqualTo("public.total(integer) security-definer-search-path");
		assertThat(finding.getAttribute("classname")).isEqualTo("pg-entities.lint.security-definer-search-path");
		assertThat(finding.getElementsByTagName("failure").getLength()).isZero();
		assertThat(finding.getElementsByTagName("system-out").item(0).getTextContent())
			.contains("db/entities/functions.sql:1");
	}

	@Test
	void aLintFindingIsAFailureWhenTheLintFails() throws Exception {
		String xml = ReportFormat.JUNIT.render(SampleResults.resultWithLint(LintMode.FAIL));

		validate(xml);
		Document document = parse(xml);
		Element suite = (Element) document.getElementsByTagName("testsuite").item(0);
		assertThat(suite.getAttribute("failures")).isEqualTo("4");
		Element finding = (Element) document.getElementsByTagName("testcase").item(4);
		Element failure = (Element) finding.getElementsByTagName("failure").item(0);
		assertThat(failure.getAttribute("type")).isEqualTo("security-definer-search-path");
		assertThat(failure.getTextContent()).contains("Fix: add SET search_path = pg_catalog, public");
	}
}
