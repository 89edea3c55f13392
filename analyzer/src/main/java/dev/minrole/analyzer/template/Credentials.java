package dev.minrole.analyzer.template;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes AWS credentials in text: access key ids ({@code AKIA...}, {@code ASIA...}) anywhere,
 * and secret access keys (40 characters of base64) where the name around them says secret. Reports
 * never repeat a credential: {@link #mask} keeps its first four and last four characters.
 */
public final class Credentials {
  private static final Pattern ACCESS_KEY_ID =
      Pattern.compile("(?<![A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])");
  private static final Pattern SECRET_KEY =
      Pattern.compile("(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(secret|aws_?secret|secret_?access_?key|secretkey).*");

  private Credentials() {}

  /**
   * The credential in {@code text}, masked, if {@code text} holds one; {@code name} is what it is
   * assigned to.
   */
  public static Optional<String> find(String text, String name) {
    Matcher id = ACCESS_KEY_ID.matcher(text);
    if (id.find()) {
      return Optional.of("access key id " + mask(id.group()));
    }
    if (name != null && SECRET_NAME.matcher(name).matches()) {
      Matcher secret = SECRET_KEY.matcher(text);
      if (secret.find()
          && secret.group().chars().anyMatch(Character::isDigit)
          && secret.group().chars().anyMatch(Character::isLowerCase)) {
        return Optional.of("secret access key " + mask(secret.group()));
      }
    }
    return Optional.empty();
  }

  static String mask(String credential) {
    if (credential.length() <= 8) {
      return "****";
    }
    return credential.substring(0, 4)
        + "*".repeat(credential.length() - 8)
        + credential.substring(credential.length() - 4);
  }
}
