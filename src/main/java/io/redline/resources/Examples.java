package io.redline.resources;

/**
 * The request and answer examples of the OpenAPI description: the README's own, so that ApiDescriptionTest can
 * hold both to the schemas (a README example that changes must change here too, or the test fails).
 */
final class Examples {
    private Examples() {
    }

    /** {@code POST /check}: the README's. */
    static final String CHECK = "{\"title\": \"Islamic State caliphate near its end\", \"body\": \"Forces in Syria and Iraq, backed by regional states and world powers, now appear on the verge of victory over the group, which proclaimed authority over all Muslims in 2014 when it held about a third of both countries.\\n\\nThe U.S.-led international coalition that has been bombing Islamic State and supporting ground allies on both sides of the frontier said the militant group now has a few thousand fighters left, mainly holed up at the border in al-Qaim and Albu Kamal.\"}";

    /** {@code POST /articles}: the README's. */
    static final String ARTICLE = "{\"id\": \"flood-1\", \"title\": \"Floods\", \"body\": \"Rescue teams searched the valley.\\n\\nTwo hundred homes were evacuated.\", \"publishedAt\": \"2024-03-01T10:00:00Z\"}";

    /** {@code POST /diff}: the README's. */
    static final String DIFF = "{\"from\": {\"title\": \"Rebels take town\", \"body\": \"Rebels took the town.\\n\\nFighting continued.\"}, \"to\": {\"title\": \"Rebels seize town\", \"body\": \"Fighting continued.\\n\\nRebels seized the town on Monday.\"}}";

    /** {@code POST /subscriptions}: the README's. */
    static final String SUBSCRIPTION = "{\"url\": \"https://hooks.example.org/redline\", \"kind\": \"RELATION\", \"relation\": \"REVISION\", \"source\": \"wire\"}";

    /** The answer to {@link #SUBSCRIPTION}: the README's, written out. */
    static final String SUBSCRIPTION_CREATED = "{\"id\": 1, \"url\": \"https://hooks.example.org/redline\", \"kind\": \"RELATION\", \"relation\": \"REVISION\", \"source\": \"wire\", \"createdAt\": \"2026-11-27T03:20:00Z\", \"pending\": 0, \"delivered\": 0, \"failed\": 0, \"secret\": \"3f9c0a7e5b2d4c1f8e6a9b0c3d2e1f4a5b6c7d8e9f0a1b2c\"}";
}
