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
package io.pgentities.internal.sql;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link SqlLexer}.
 */
class SqlLexerTests {

	@Test
	void tokensConcatenateToTheInput() {
		String sql = "CREATE VIEW v AS SELECT 1 /* c */ -- x\n, 'a''b', $$q$$, \"Q\"\"x\", 1.5e3, $1::int;";
		List<Token> tokens = SqlLexer.tokenize(sql);
		assertThat(String.join("", tokens.stream().map(Token::text).toList())).isEqualTo(sql);
	}

	@Test
	void nestedBlockCommentsAreOneComment() {
		List<Token> tokens = SqlLexer.tokenize("a /* outer /* inner */ still; comment */ b");
		assertThat(tokens).extracting(Token::type, Token::text)
			.contains(tuple(TokenType.COMMENT, "/* outer /* inner */ still; comment */"));
		assertThat(SqlLexer.meaningfulTokens("a /* outer /* inner */ still; comment */ b")).extracting(Token::text)
			.containsExactly("a", "b");
	}

	@Test
	void lineCommentEndsAtTheLineBreak() {
		assertThat(SqlLexer.meaningfulTokens("a -- comment; 'not a string\nb")).extracting(Token::text)
			.containsExactly("a", "b");
	}

	@Test
	void taggedDollarQuoteMayContainPlainDollarQuotesAndSemicolons() {
		String body = "$body$ BEGIN PERFORM $$ ; $$; RETURN 'x;'; END; $body$";
		List<Token> tokens = SqlLexer.meaningfulTokens("AS " + body + " LANGUAGE plpgsql");
		assertThat(tokens).extracting(Token::type, Token::text)
			.containsExactly(tuple(TokenType.WORD, "AS"), tuple(TokenType.DOLLAR_STRING, body),
					tuple(TokenType.WORD, "LANGUAGE"), tuple(TokenType.WORD, "plpgsql"));
	}

	@Test
	void dollarFollowedByDigitsIsAParameter() {
		assertThat(SqlLexer.meaningfulTokens("select $1 + $23")).extracting(Token::type)
			.containsExactly(TokenType.WORD, TokenType.PARAMETER, TokenType.OPERATOR, TokenType.PARAMETER);
	}

	@Test
	void dollarInsideAnIdentifierDoesNotStartAQuote() {
		assertThat(SqlLexer.meaningfulTokens("select a$b$ from t")).extracting(Token::text)
			.containsExactly("select", "a$b$", "from", "t");
	}

	@Test
	void escapeStringMayContainBackslashEscapedQuotes() {
		List<Token> tokens = SqlLexer.meaningfulTokens("select E'it\\'s; \\\\', 'next'");
		assertThat(tokens).extracting(Token::type, Token::text)
			.containsExactly(tuple(TokenType.WORD, "select"), tuple(TokenType.STRING, "E'it\\'s; \\\\'"),
					tuple(TokenType.SYMBOL, ","), tuple(TokenType.STRING, "'next'"));
	}

	@Test
	void backslashDoesNotEscapeInAStandardString() {
		assertThat(SqlLexer.meaningfulTokens("select 'a\\', 'b'")).extracting(Token::text)
			.containsExactly("select", "'a\\'", ",", "'b'");
	}

	@Test
	void quotedIdentifierKeepsCaseAndUndoublesQuotes() {
		Token token = SqlLexer.meaningfulTokens("\"My \"\"Odd\"\" Name\"").get(0);
		assertThat(token.type()).isEqualTo(TokenType.QUOTED_IDENTIFIER);
		assertThat(token.identifier()).isEqualTo("My \"Odd\" Name");
	}

	@Test
	void unquotedIdentifierFoldsOnlyAsciiLetters() {
		Token token = SqlLexer.meaningfulTokens("Straße_ÉTÉ").get(0);
		assertThat(token.identifier()).isEqualTo("straße_ÉtÉ");
	}

	@Test
	void unicodeQuotedIdentifierIsDecoded() {
		Token token = SqlLexer.meaningfulTokens("U&\"d\\0061t\\+000061\"").get(0);
		assertThat(token.type()).isEqualTo(TokenType.QUOTED_IDENTIFIER);
		assertThat(token.identifier()).isEqualTo("data");
	}

	@Test
	void unicodeQuotedIdentifierMayNameItsEscapeCharacter() {
		List<Token> tokens = SqlLexer.meaningfulTokens("select U&\"d!0061t!+000061\" UESCAPE '!' from t");
		assertThat(tokens).extracting(Token::text)
			.containsExactly("select", "U&\"d!0061t!+000061\" UESCAPE '!'", "from", "t");
		assertThat(tokens.get(1).identifier()).isEqualTo("data");
	}

	@Test
	void unicodeStringIsOneTokenWithItsEscapeClause() {
		assertThat(SqlLexer.meaningfulTokens("U&'caf\\00e9' UESCAPE '!' x")).extracting(Token::type)
			.containsExactly(TokenType.STRING, TokenType.WORD);
	}

	@Test
	void tokensKnowTheirLine() {
		List<Token> tokens = SqlLexer.meaningfulTokens("a\n/* one\ntwo */ b\n'x\ny' c\r\nd");
		assertThat(tokens).extracting(Token::text, Token::line)
			.containsExactly(tuple("a", 1), tuple("b", 3), tuple("'x\ny'", 4), tuple("c", 5), tuple("d", 6));
	}

	@Test
	void lineCommentEndsAtACarriageReturnAsInPostgresql() {
		assertThat(SqlLexer.meaningfulTokens("a -- comment\rb; c")).extracting(Token::text)
			.containsExactly("a", "b", ";", "c");
	}

	@Test
	void unicodeSpaceIsPartOfAnIdentifierAsInPostgresql() {
		// PostgreSQL reads "\u2003E" as an identifier and '\' as a complete string
		List<Token> tokens = SqlLexer.meaningfulTokens("select 1 \u2003E'\\' ; drop table t; --'");
		assertThat(tokens).extracting(Token::text)
			.containsExactly("select", "1", "\u2003E", "'\\'", ";", "drop", "table", "t", ";");
	}

	@Test
	void nonAsciiDigitsAreNotPartOfANumber() {
		assertThat(SqlLexer.meaningfulTokens("1\u0661")).extracting(Token::type, Token::text)
			.containsExactly(tuple(TokenType.NUMBER, "1"), tuple(TokenType.WORD, "\u0661"));
	}

	@Test
	void castOperatorIsOneToken() {
		assertThat(SqlLexer.meaningfulTokens("x::text")).extracting(Token::text).containsExactly("x", "::", "text");
	}

	@Test
	void unterminatedStringNamesTheLineItStartsOn() {
		assertThatExceptionOfType(SqlSyntaxException.class)
			.isThrownBy(() -> SqlLexer.tokenize("select 1;\nselect 'abc\n\n"))
			.satisfies((ex) -> assertThat(ex.getLine()).isEqualTo(2))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo("unterminated string constant"));
	}

	@Test
	void unterminatedEscapeStringEndingInAnEscapedQuoteIsRejected() {
		assertThatExceptionOfType(SqlSyntaxException.class).isThrownBy(() -> SqlLexer.tokenize("select E'abc\\'"))
			.withMessage("unterminated escape string constant (line 1)");
	}

	@Test
	void unterminatedQuotedIdentifierIsRejected() {
		assertThatExceptionOfType(SqlSyntaxException.class).isThrownBy(() -> SqlLexer.tokenize("select \"abc"))
			.withMessage("unterminated quoted identifier (line 1)");
	}

	@Test
	void unterminatedDollarQuoteIsRejected() {
		assertThatExceptionOfType(SqlSyntaxException.class)
			.isThrownBy(() -> SqlLexer.tokenize("\nAS $body$ select 1 $$"))
			.withMessage("unterminated dollar-quoted string $body$ (line 2)");
	}

	@Test
	void unterminatedNestedCommentIsRejected() {
		assertThatExceptionOfType(SqlSyntaxException.class)
			.isThrownBy(() -> SqlLexer.tokenize("a\n\n/* outer /* inner */ still open"))
			.withMessage("unterminated /* comment (line 3)");
	}

}
