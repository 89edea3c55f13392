package com.bertramlabs.plugins.hcl4j;

import com.bertramlabs.plugins.hcl4j.symbols.Symbol;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Optional;

/**
 * The symbol tree hcl4j's lexer builds from HCL text, before its parser evaluates it: blocks,
 * attributes and expressions, each with its line. minrole evaluates Terraform itself (references to
 * resources must stay references), so it needs the tree, which hcl4j keeps package-private; this
 * class, in hcl4j's package, hands it out. It depends on hcl4j {@code 0.9.8}'s lexer ({@code
 * elementStack}, {@code currentBlock}); a new hcl4j version that changes them fails the build here.
 */
public final class HclSymbolTree {
  private HclSymbolTree() {}

  /**
   * The top-level symbols of {@code text}; {@code error} when the lexer stopped at a syntax error
   * (its message names the line and column), {@code unclosed} when the text ended inside a block.
   */
  public record Result(
      List<Symbol> symbols, Optional<HCLParserException> error, Optional<Symbol> unclosed) {
    public Result {
      symbols = List.copyOf(symbols);
    }
  }

  public static Result read(Reader text) throws IOException {
    HCLLexer lexer = new HCLLexer(text);
    HCLParserException error = null;
    try {
      lexer.yylex();
    } catch (HCLParserException e) {
      error = e;
    } catch (RuntimeException e) {
      error = new HCLParserException("cannot parse: " + e, e);
    }
    return new Result(
        lexer.elementStack, Optional.ofNullable(error), Optional.ofNullable(lexer.currentBlock));
  }
}
