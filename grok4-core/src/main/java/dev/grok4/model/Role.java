package dev.grok4.model;

/**
 * The author of a chat message.
 *
 * @since 0.1
 */
public enum Role {
    /** Instructions that frame the conversation. */
    SYSTEM("system"),
    /** The end user. */
    USER("user"),
    /** The model. */
    ASSISTANT("assistant"),
    /** The result of a tool call, answering an assistant message that requested it. */
    TOOL("tool");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the name used in the JSON body, such as {@code "user"}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Returns the role with this wire name.
     *
     * @throws IllegalArgumentException if the name is not one of the four roles
     */
    public static Role fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName.equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException(
                "Unknown message role '" + name + "'; expected system, user, assistant or tool");
    }
}
