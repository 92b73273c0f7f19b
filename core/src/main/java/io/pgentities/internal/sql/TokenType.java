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
 * The kinds of {@link Token}.
 */
public enum TokenType {

	/** Spaces, tabs and line breaks. */
	WHITESPACE,

	/** A {@code --} line comment or a (possibly nested) {@code /* *}{@code /} block comment. */
	COMMENT,

	/** An unquoted identifier or keyword. */
	WORD,

	/** A double-quoted identifier. */
	QUOTED_IDENTIFIER,

	/** A string constant in single quotes, including {@code E''}, {@code U&''}, {@code B''} and {@code X''} forms. */
	STRING,

	/** A dollar-quoted string constant, {@code $tag$...$tag$}. */
	DOLLAR_STRING,

	/** A numeric constant. */
	NUMBER,

	/** A positional parameter such as {@code $1}. */
	PARAMETER,

	/** One of {@code ( ) [ ] , ; . :}. */
	SYMBOL,

	/** An operator such as {@code =}, {@code ::} or {@code ||}. */
	OPERATOR

}
