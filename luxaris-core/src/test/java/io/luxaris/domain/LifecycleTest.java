package io.luxaris.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.errors.ConflictException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every (from, to) pair of every lifecycle, checked against the table written out here. */
class LifecycleTest {
    private static final Map<PostStatus, Set<PostStatus>> POST = Map.of(
            PostStatus.DRAFT, EnumSet.of(PostStatus.DRAFT, PostStatus.SCHEDULED, PostStatus.ARCHIVED),
            PostStatus.SCHEDULED, EnumSet.allOf(PostStatus.class),
            PostStatus.PUBLISHED,
                    EnumSet.of(
                            PostStatus.PUBLISHED,
                            PostStatus.SCHEDULED,
                            PostStatus.ARCHIVED,
                            PostStatus.PARTIALLY_PUBLISHED),
            PostStatus.CANCELLED,
                    EnumSet.of(PostStatus.CANCELLED, PostStatus.SCHEDULED, PostStatus.DRAFT, PostStatus.ARCHIVED),
            PostStatus.ARCHIVED, EnumSet.of(PostStatus.ARCHIVED),
            PostStatus.PARTIALLY_PUBLISHED,
                    EnumSet.of(
                            PostStatus.PARTIALLY_PUBLISHED,
                            PostStatus.SCHEDULED,
                            PostStatus.PUBLISHED,
                            PostStatus.ARCHIVED));

    private static final Map<VariantStatus, Set<VariantStatus>> VARIANT = Map.of(
            VariantStatus.DRAFT, EnumSet.of(VariantStatus.DRAFT, VariantStatus.READY),
            VariantStatus.READY, EnumSet.of(VariantStatus.READY, VariantStatus.PUBLISHED, VariantStatus.FAILED),
            VariantStatus.FAILED, EnumSet.of(VariantStatus.FAILED, VariantStatus.READY, VariantStatus.PUBLISHED),
            VariantStatus.PUBLISHED, EnumSet.of(VariantStatus.PUBLISHED));

    private static final Map<ScheduleStatus, Set<ScheduleStatus>> SCHEDULE = Map.of(
            ScheduleStatus.PENDING,
                    EnumSet.of(
                            ScheduleStatus.PENDING,
                            ScheduleStatus.QUEUED,
                            ScheduleStatus.PROCESSING, // claimed straight to processing
                            ScheduleStatus.CANCELLED),
            ScheduleStatus.QUEUED,
                    EnumSet.of(
                            ScheduleStatus.QUEUED,
                            ScheduleStatus.PROCESSING,
                            ScheduleStatus.PENDING,
                            ScheduleStatus.CANCELLED,
                            ScheduleStatus.SKIPPED),
            ScheduleStatus.PROCESSING,
                    EnumSet.of(
                            ScheduleStatus.PROCESSING,
                            ScheduleStatus.SUCCESS,
                            ScheduleStatus.FAILED,
                            ScheduleStatus.PENDING,
                            ScheduleStatus.UNCONFIRMED,
                            ScheduleStatus.DRY_RUN,
                            ScheduleStatus.SKIPPED), // skipped at the claim that took it straight to processing
            ScheduleStatus.UNCONFIRMED,
                    EnumSet.of(
                            ScheduleStatus.UNCONFIRMED,
                            ScheduleStatus.SUCCESS,
                            ScheduleStatus.FAILED,
                            ScheduleStatus.PENDING,
                            ScheduleStatus.CANCELLED),
            ScheduleStatus.SUCCESS, EnumSet.of(ScheduleStatus.SUCCESS),
            ScheduleStatus.FAILED, EnumSet.of(ScheduleStatus.FAILED),
            ScheduleStatus.CANCELLED, EnumSet.of(ScheduleStatus.CANCELLED),
            ScheduleStatus.SKIPPED, EnumSet.of(ScheduleStatus.SKIPPED),
            ScheduleStatus.DRY_RUN, EnumSet.of(ScheduleStatus.DRY_RUN),
            ScheduleStatus.AWAITING_APPROVAL,
                    EnumSet.of(
                            ScheduleStatus.AWAITING_APPROVAL,
                            ScheduleStatus.PENDING,
                            ScheduleStatus.CANCELLED,
                            ScheduleStatus.SKIPPED));

    private static final Map<GenerationStatus, Set<GenerationStatus>> GENERATION = Map.of(
            GenerationStatus.IN_PROGRESS, EnumSet.allOf(GenerationStatus.class),
            GenerationStatus.COMPLETED, EnumSet.of(GenerationStatus.COMPLETED),
            GenerationStatus.ABORTED, EnumSet.of(GenerationStatus.ABORTED));

    private static final Map<ConnectionStatus, Set<ConnectionStatus>> CONNECTION = Map.of(
            ConnectionStatus.CONNECTED, EnumSet.allOf(ConnectionStatus.class),
            ConnectionStatus.ERROR, EnumSet.allOf(ConnectionStatus.class),
            ConnectionStatus.REVOKED, EnumSet.of(ConnectionStatus.REVOKED, ConnectionStatus.CONNECTED));

    @Test
    void postTransitions_matchTheTable() {
        for (PostStatus from : PostStatus.values()) {
            for (PostStatus to : PostStatus.values()) {
                assertThat(Lifecycle.allows(from, to))
                        .as("post %s -> %s", from, to)
                        .isEqualTo(POST.get(from).contains(to));
            }
        }
    }

    @Test
    void variantTransitions_matchTheTable() {
        for (VariantStatus from : VariantStatus.values()) {
            for (VariantStatus to : VariantStatus.values()) {
                assertThat(Lifecycle.allows(from, to))
                        .as("variant %s -> %s", from, to)
                        .isEqualTo(VARIANT.get(from).contains(to));
            }
        }
    }

    @Test
    void scheduleTransitions_matchTheTable() {
        for (ScheduleStatus from : ScheduleStatus.values()) {
            for (ScheduleStatus to : ScheduleStatus.values()) {
                assertThat(Lifecycle.allows(from, to))
                        .as("schedule %s -> %s", from, to)
                        .isEqualTo(SCHEDULE.get(from).contains(to));
            }
        }
    }

    @Test
    void generationTransitions_matchTheTable() {
        for (GenerationStatus from : GenerationStatus.values()) {
            for (GenerationStatus to : GenerationStatus.values()) {
                assertThat(Lifecycle.allows(from, to))
                        .as("generation %s -> %s", from, to)
                        .isEqualTo(GENERATION.get(from).contains(to));
            }
        }
    }

    @Test
    void connectionTransitions_matchTheTable() {
        for (ConnectionStatus from : ConnectionStatus.values()) {
            for (ConnectionStatus to : ConnectionStatus.values()) {
                assertThat(Lifecycle.allows(from, to))
                        .as("connection %s -> %s", from, to)
                        .isEqualTo(CONNECTION.get(from).contains(to));
            }
        }
    }

    @Test
    void anIllegalScheduleTransition_isAConflictNamingFromToAndWhy() {
        assertThatThrownBy(() -> Lifecycle.requireSchedule("s-1", ScheduleStatus.SUCCESS, ScheduleStatus.PENDING))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("schedule s-1")
                .hasMessageContaining("from success to pending")
                .hasMessageContaining("finished");
        assertThatThrownBy(() -> Lifecycle.requireSchedule("s-2", ScheduleStatus.PROCESSING, ScheduleStatus.CANCELLED))
                .hasMessageContaining("being published right now");
    }

    @Test
    void aDryRun_isTerminal_neitherActiveNorASuccessOrFailure_andCannotBeRestarted() {
        assertThat(ScheduleStatus.DRY_RUN.isTerminal()).isTrue();
        assertThat(ScheduleStatus.DRY_RUN.isActive()).isFalse();
        assertThat(ScheduleStatus.DRY_RUN.wireName()).isEqualTo("dry_run");
        assertThat(ScheduleStatus.fromWireName("dry_run")).isEqualTo(ScheduleStatus.DRY_RUN);
        assertThatThrownBy(() -> Lifecycle.requireSchedule("s-3", ScheduleStatus.DRY_RUN, ScheduleStatus.PENDING))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("from dry_run to pending")
                .hasMessageContaining("finished (dry_run)");
    }

    @Test
    void anIllegalPostTransition_saysTheArchivedPostIsFinal() {
        assertThatThrownBy(() -> Lifecycle.requirePost("p-1", PostStatus.ARCHIVED, PostStatus.DRAFT))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("from archived to draft")
                .hasMessageContaining("archived");
    }

    @Test
    void aPublishedVariant_cannotGoBack() {
        assertThatThrownBy(() -> Lifecycle.requireVariant("v-1", VariantStatus.PUBLISHED, VariantStatus.DRAFT))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("published");
    }
}
