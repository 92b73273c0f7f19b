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

/**
 * Reads the values of string constants and of {@code U&} quoted identifiers.
 */
final class StringConstants {

	private StringConstants() {
	}

	/**
	 * The value of a string constant: plain, {@code E''}, {@code N''}, {@code U&''} (with an
	 * optional {@code UESCAPE}) or dollar-quoted.
	 * @param token a {@link TokenType#STRING} or {@link TokenType#DOLLAR_STRING} token
	 * @return the value
	 * @throws IllegalArgumentException if the token is a bit string or has an invalid escape
	 */
	static String value(Token token) {
		String text = token.text();
		if (token.type() == TokenType.DOLLAR_STRING) {
			int tagLength = text.indexOf('$', 1) + 1;
			return text.substring(tagLength, text.length() - tagLength);
		}
		if (token.type() != TokenType.STRING) {
			throw new IllegalArgumentException("Not a string constant: " + text);
		}
		char prefix = Character.toLowerCase(text.charAt(0));
		if (prefix == 'e') {
			return escapeString(text.substring(2, text.length() - 1));
		}
		if (prefix == 'u') {
			return unicodeQuoted(text);
		}
		if (prefix == 'b' || prefix == 'x') {
			throw new IllegalArgumentException("A bit-string constant is not text: " + text);
		}
		int start = (prefix == 'n') ? 2 : 1;
		return text.substring(start, text.length() - 1).replace("''", "'");
	}

	/**
	 * Decodes a {@code U&'...'} string or {@code U&"..."} identifier, including a trailing
	 * {@code UESCAPE 'c'} clause if the lexer attached one.
	 * @param text the token's text
	 * @return the decoded value
	 */
	static String unicodeQuoted(String text) {
		char quote = text.charAt(2);
		int close = 3;
		while (close < text.length()) {
			if (text.charAt(close) == quote) {
				if (close + 1 < text.length() && text.charAt(close + 1) == quote) {
					close += 2;
					continue;
				}
				break;
			}
			close++;
		}
		String body = text.substring(3, close).replace(String.valueOf(quote) + quote, String.valueOf(quote));
		char escape = '\\';
		int uescape = text.indexOf('\'', close + 1);
		if (uescape >= 0) {
			escape = text.charAt(uescape + 1);
		}
		return unicodeEscapes(body, escape);
	}

	private static String unicodeEscapes(String body, char escape) {
		StringBuilder value = new StringBuilder(body.length());
		int i = 0;
		while (i < body.length()) {
			char c = body.charAt(i);
			if (c != escape) {
				value.append(c);
				i++;
			}
			else if (i + 1 < body.length() && body.charAt(i + 1) == escape) {
				value.append(escape);
				i += 2;
			}
			else if (i + 1 < body.length() && body.charAt(i + 1) == '+') {
				value.appendCodePoint(hex(body, i + 2, 6));
				i += 8;
			}
			else {
				value.appendCodePoint(hex(body, i + 1, 4));
				i += 5;
			}
		}
		return value.toString();
	}

	private static String escapeString(String body) {
		StringBuilder value = new StringBuilder(body.length());
		int i = 0;
		while (i < body.length()) {
			char c = body.charAt(i);
			if (c == '\'') {
				// a doubled quote
				value.append('\'');
				i += 2;
				continue;
			}
			if (c != '\\' || i + 1 >= body.length()) {
				value.append(c);
				i++;
				continue;
			}
			char next = body.charAt(i + 1);
			i += 2;
			switch (next) {
				case 'b' -> value.append('\b');
				case 'f' -> value.append('\f');
				case 'n' -> value.append('\n');
				case 'r' -> value.append('\r');
				case 't' -> value.append('\t');
				case 'x' -> {
					int end = digitsEnd(body, i, 2, 16);
					if (end == i) {
						value.append('x');
					}
					else {
						value.append((char) Integer.parseInt(body.substring(i, end), 16));
						i = end;
					}
				}
				case 'u' -> {
					value.appendCodePoint(hex(body, i, 4));
					i += 4;
				}
				case 'U' -> {
					value.appendCodePoint(hex(body, i, 8));
					i += 8;
				}
				default -> {
					if (next >= '0' && next <= '7') {
						int end = digitsEnd(body, i, 2, 8);
						value.append((char) Integer.parseInt(body.substring(i - 1, end), 8));
						i = end;
					}
					else {
						value.append(next);
					}
				}
			}
		}
		return value.toString();
	}

	private static int digitsEnd(String text, int start, int max, int radix) {
		int end = start;
		while (end < text.length() && end - start < max && Character.digit(text.charAt(end), radix) >= 0) {
			end++;
		}
		return end;
	}

	private static int hex(String text, int start, int digits) {
		if (digitsEnd(text, start, digits, 16) != start + digits) {
			throw new IllegalArgumentException("Invalid Unicode escape in '" + text + "'");
		}
		int codePoint = Integer.parseInt(text.substring(start, start + digits), 16);
		if (!Character.isValidCodePoint(codePoint) || codePoint == 0) {
			throw new IllegalArgumentException("Invalid Unicode escape value in '" + text + "'");
		}
		return codePoint;
	}

}
