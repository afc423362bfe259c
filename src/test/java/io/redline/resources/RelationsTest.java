package io.redline.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Typed relations over HTTP on H2 and PostgreSQL: templated alerts and next editions kept apart, a breaking
 * update kept together, excerpts joined, and no story merged through an article that is half of each.
 */
class RelationsTest {
    static final String QUAKE_1 = "A magnitude 4.6 earthquake struck 12 km north of Tripoli on Tuesday, the U.S. "
            + "Geological Survey said. There were no immediate reports of damage or casualties.";
    static final String QUAKE_2 = "A magnitude 5.1 earthquake struck 40 km south of Valparaiso on Friday, the U.S. "
            + "Geological Survey said. There were no immediate reports of damage or casualties.";

    static final String BLAST = "KABUL (Reuters) - At least 12 people were killed and 40 wounded when a bomb exploded "
            + "at a crowded market in the centre of Kabul on Sunday morning, police said.\n\n"
            + "The blast struck shortly after 9:30 a.m., when the market was full of shoppers buying food ahead of "
            + "the holiday, a police spokesman said.\n\n"
            + "No group has claimed responsibility for the attack. Ambulances ferried the wounded to the city's main "
            + "hospital, where doctors appealed for blood donations.\n\n"
            + "The market has been targeted twice before, most recently in 2019.";
    static final String BLAST_UPDATE = BLAST.replace("At least 12 people were killed and 40 wounded",
                    "At least 30 people were killed and 75 wounded")
            + "\n\nThe toll rose through the morning as rescuers pulled bodies from the rubble, the spokesman said "
            + "at 11:45 a.m.";

    static final String FESTIVAL_2025 = "The 2025 Northern Lights Festival will open in Tromsø on March 14, organisers "
            + "said on Monday, with 120 concerts across 9 days.\n\n"
            + "This year's headline act is the Oslo Philharmonic, conducted by Klaus Mäkelä, who will open the "
            + "festival with Sibelius's second symphony.\n\n"
            + "Tickets go on sale on February 1 at the festival's box office and online, priced from 250 crowns.\n\n"
            + "The festival, founded in 1988, drew 30,000 visitors last year, said director Maria Hansen.";
    static final String FESTIVAL_2026 = "The 2026 Northern Lights Festival will open in Tromsø on March 13, organisers "
            + "said on Monday, with 135 concerts across 10 days.\n\n"
            + "This year's headline act is the Bergen Philharmonic, conducted by Edward Gardner, who will open the "
            + "festival with Grieg's piano concerto.\n\n"
            + "Tickets go on sale on February 3 at the festival's box office and online, priced from 275 crowns.\n\n"
            + "The festival, founded in 1988, drew 34,000 visitors last year, said director Maria Hansen.";

    static final String[] FLOOD = {
            "Rescue teams searched the flooded valley for a third day as the river kept rising above its banks near "
                    + "the old mill town, where water reached the first floor of many houses.",
            "Officials said more than two hundred homes had been evacuated overnight and that the main road north "
                    + "had been closed to all traffic until the water level starts to fall.",
            "The regional weather office warned that another band of heavy rain would arrive later this week, "
                    + "bringing up to eighty millimetres in the hills above the valley."};
    static final String[] BRIDGE = {
            "The city council voted to approve funding for a new pedestrian bridge across the harbour, ending a "
                    + "debate that had divided residents and shop owners for almost ten years.",
            "Construction is expected to begin next spring and to take two years, the mayor told reporters after "
                    + "the vote, adding that the ferry would keep running until the bridge opens.",
            "Opponents of the project said they would challenge the decision in court, arguing that the bridge "
                    + "would block the view of the old lighthouse from the promenade."};

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void twoAlertsOnOneTemplateAreDifferentStoriesLinkedAsTemplate(TestDatabase.Kind kind) {
        try (RunningRedline redline = new RunningRedline(TestDatabase.create(kind))) {
            long first = post(redline, "quake-1", "Quake hits Tripoli", QUAKE_1, null).get("storyId").asLong();
            JsonNode second = post(redline, "quake-2", "Quake hits Valparaiso", QUAKE_2, null);
            assertThat(second.get("classification").asText()).isEqualTo("TEMPLATE");
            assertThat(second.get("storyId").asLong()).isNotEqualTo(first);
            JsonNode match = second.get("matches").get(0);
            assertThat(match.get("id").asText()).isEqualTo("quake-1");
            assertThat(match.get("classification").asText()).isEqualTo("TEMPLATE");
            assertThat(match.get("reason").asText()).startsWith("names or years replaced in 1 of 1 reworded paragraphs");
            assertThat(match.get("evidence").get("renamedParagraphs").asInt()).isEqualTo(1);
            assertThat(match.get("evidence").get("nameChanges").asInt()).isEqualTo(1);
            // the new story records the text it reuses
            JsonNode step = redline.get("/stories/" + second.get("storyId").asLong() + "/timeline").json()
                    .get("steps").get(0);
            assertThat(step.get("relation").asText()).isEqualTo("TEMPLATE");
            assertThat(step.get("reuses").get("articleId").asText()).isEqualTo("quake-1");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aBreakingUpdateWhoseTollAndTimeMovedOnIsARevision(TestDatabase.Kind kind) {
        try (RunningRedline redline = new RunningRedline(TestDatabase.create(kind))) {
            long story = post(redline, "blast", "Bomb kills 12 in Kabul market", BLAST, "2026-03-01T08:00:00Z")
                    .get("storyId").asLong();
            JsonNode update = post(redline, "blast-wire", "Kabul market bomb toll rises to 30", BLAST_UPDATE,
                    "2026-03-01T10:00:00Z");
            assertThat(update.get("classification").asText()).isEqualTo("REVISION");
            assertThat(update.get("storyId").asLong()).isEqualTo(story);
            JsonNode evidence = update.get("matches").get(0).get("evidence");
            assertThat(evidence.get("numberChanges").asInt()).isEqualTo(2);
            assertThat(evidence.get("renamedParagraphs").asInt()).isZero();
            JsonNode step = redline.get("/stories/" + story + "/timeline").json().get("steps").get(1);
            assertThat(step.get("articleId").asText()).isEqualTo("blast-wire");
            assertThat(step.get("relation").asText()).isEqualTo("REVISION");
            assertThat(step.get("derivedFrom").get("articleId").asText()).isEqualTo("blast");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void nextYearsEditionIsToldApartByItsFactsAndByItsDate(TestDatabase.Kind kind) {
        try (RunningRedline redline = new RunningRedline(TestDatabase.create(kind))) {
            long story = post(redline, "fest-2025", "Festival 2025", FESTIVAL_2025, null).get("storyId").asLong();
            // without dates: the names and the year replaced throughout
            JsonNode undated = redline.postJson("/check", Map.of("body", FESTIVAL_2026)).json();
            assertThat(undated.get("classification").asText()).isEqualTo("TEMPLATE");
            assertThat(undated.get("matches").get(0).get("reason").asText()).startsWith("names or years replaced");

            // with dates a year apart even the same text is a next edition, and so of none of its source's story,
            // though it is a duplicate of the undated copy in that story
            post(redline, "fest-dated", "Festival", FESTIVAL_2025, "2025-02-20T09:00:00Z");
            JsonNode rerun = redline.postJson("/check", Map.of("body", FESTIVAL_2025,
                    "publishedAt", "2026-02-19T09:00:00Z")).json();
            assertThat(rerun.get("classification").asText()).isEqualTo("TEMPLATE");
            Map<String, JsonNode> byId = new HashMap<>();
            rerun.get("matches").forEach(m -> byId.put(m.get("id").asText(), m));
            assertThat(byId.get("fest-dated").get("classification").asText()).isEqualTo("TEMPLATE");
            assertThat(byId.get("fest-dated").get("reason").asText())
                    .isEqualTo("shares 4 paragraphs but was published 364 days apart");
            assertThat(byId.get("fest-2025").get("classification").asText()).isEqualTo("TEMPLATE");
            assertThat(byId.get("fest-2025").get("reason").asText())
                    .isEqualTo("its story holds fest-dated, of which this is a next edition");
            assertThat(byId.get("fest-2025").get("jaccard").asDouble()).isEqualTo(1.0);
            assertThat(redline.get("/articles/fest-2025").json().get("storyId").asLong()).isEqualTo(story);

            JsonNode pair = redline.get("/articles/fest-2025/similar/fest-dated").json();
            assertThat(pair.get("classification").asText()).isEqualTo("DUPLICATE");
            assertThat(pair.get("reason").asText()).isEqualTo("100% of the wording is the same");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aBriefCutFromAStoryIsAnExcerptAndJoinsIt(TestDatabase.Kind kind) {
        try (RunningRedline redline = new RunningRedline(TestDatabase.create(kind))) {
            String story = String.join("\n\n", FLOOD) + "\n\n" + String.join("\n\n", BRIDGE).replace("bridge", "dam")
                    .replace("harbour", "valley");
            long id = post(redline, "long", "Floods", story, null).get("storyId").asLong();
            JsonNode brief = post(redline, "brief", "Floods brief", FLOOD[0], null);
            assertThat(brief.get("classification").asText()).isEqualTo("EXCERPT");
            assertThat(brief.get("storyId").asLong()).isEqualTo(id);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRoundUpMadeHalfOfEachOfTwoStoriesBridgesNothing(TestDatabase.Kind kind) {
        try (RunningRedline redline = new RunningRedline(TestDatabase.create(kind))) {
            long flood = post(redline, "flood", "Floods", String.join("\n\n", FLOOD), null).get("storyId").asLong();
            long bridge = post(redline, "bridge", "Bridge", String.join("\n\n", BRIDGE), null).get("storyId").asLong();
            assertThat(bridge).isNotEqualTo(flood);
            String roundUp = String.join("\n\n", FLOOD[0], FLOOD[1], BRIDGE[0], BRIDGE[1]);
            JsonNode r = post(redline, "round-up", "News in brief", roundUp, null);
            // it is a revision of each by its paragraphs, yet made only half of either
            assertThat(r.get("matches")).extracting(m -> m.get("classification").asText())
                    .containsExactly("REVISION", "REVISION");
            assertThat(r.get("mergedStories")).isEmpty();
            assertThat(r.get("storyId").asLong()).isIn(flood, bridge);
            assertThat(redline.get("/articles/flood").json().get("storyId").asLong()).isEqualTo(flood);
            assertThat(redline.get("/articles/bridge").json().get("storyId").asLong()).isEqualTo(bridge);
            assertThat(redline.get("/stats").json().get("storyMerges").asLong()).isZero();

        }
    }

    private static JsonNode post(RunningRedline redline, String id, String title, String body, String publishedAt) {
        Map<String, Object> article = new HashMap<>(Map.of("id", id, "title", title, "body", body));
        if (publishedAt != null) {
            article.put("publishedAt", publishedAt);
        }
        RunningRedline.Reply reply = redline.postJson("/articles", article);
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
        return reply.json();
    }
}
