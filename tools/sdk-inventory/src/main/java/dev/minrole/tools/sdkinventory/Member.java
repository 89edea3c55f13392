package dev.minrole.tools.sdkinventory;

/**
 * One member of a request or structure, as read from {@code SdkPojo.sdkFields()}.
 *
 * @param name the model member name, e.g. {@code Bucket}
 * @param setter the fluent builder method, e.g. {@code bucket}; null if it could not be found
 * @param type the marshalling type: {@code String}, {@code Integer}, ..., {@code Structure}
 * @param shape the structure's simple class name, for structures and containers of structures
 * @param enumName the simple enum class name for enum-backed strings (and containers of them)
 * @param required whether the SDK marks the member as required
 */
record Member(
    String name, String setter, String type, String shape, String enumName, boolean required) {}
