package cn.zhibiao.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Indicator;

class ChangesTest {

    final Declaration draft = ChatFixtures.draft();

    ChatEvent.Change add(int at) {
        return new ChatEvent.Change("c-1", ChatEvent.Op.ADD, at,
                new ChatEvent.ChangeRow("产出指标", "成本指标", "补贴标准", "≤400元/人"), "理由", List.of(), List.of(), null);
    }

    ChatEvent.Change updateSatisfaction(Indicator previous) {
        return new ChatEvent.Change("c-2", ChatEvent.Op.UPDATE, 4,
                new ChatEvent.ChangeRow("满意度指标", "服务对象满意度指标", "受益老人满意度", "≥95%"), "理由", List.of(),
                List.of(), previous);
    }

    @Test
    void addsARowAtItsIndexWithoutTouchingTheDraftPassedIn() {
        Declaration after = Changes.apply(draft, add(4));

        assertThat(after.indicators()).hasSize(6);
        assertThat(after.indicators().get(4).name()).isEqualTo("补贴标准");
        assertThat(after.indicators().get(4).parsed().number()).isNotNull();
        assertThat(after.indicators().get(5).name()).isEqualTo("受益老人满意度");
        assertThat(draft.indicators()).hasSize(5);
    }

    @Test
    void updatesTheValueAndUndoRestoresTheRowExactly() {
        Indicator before = draft.indicators().get(4);
        ChatEvent.Change change = updateSatisfaction(before);

        Declaration after = Changes.apply(draft, change);
        assertThat(after.indicators().get(4).value()).isEqualTo("≥95%");

        assertThat(Changes.undo(after, change)).isEqualTo(draft);
    }

    @Test
    void undoOfAnAddAndOfARemoveGiveTheOriginalDraftBack() {
        ChatEvent.Change added = add(2);
        assertThat(Changes.undo(Changes.apply(draft, added), added)).isEqualTo(draft);

        ChatEvent.Change removed = new ChatEvent.Change("c-3", ChatEvent.Op.REMOVE, 1,
                Changes.row(draft.indicators().get(1)), "理由", List.of(), List.of(), draft.indicators().get(1));
        Declaration after = Changes.apply(draft, removed);
        assertThat(after.indicators()).hasSize(4);
        assertThat(Changes.undo(after, removed)).isEqualTo(draft);
    }

    @Test
    void refusesAnUpdateProposedAgainstARowThatHasChangedSince() {
        Indicator stale = Indicator.of("满意度指标", "服务对象满意度指标", "受益老人满意度", "85%", null);

        assertThatThrownBy(() -> Changes.apply(draft, updateSatisfaction(stale)))
                .isInstanceOf(Changes.ConflictException.class).hasMessageContaining("第5行已被修改");
    }

    @Test
    void refusesAChangeToARowTheDraftDoesNotHave() {
        assertThatThrownBy(() -> Changes.apply(draft, add(9)))
                .isInstanceOf(Changes.ConflictException.class).hasMessageContaining("没有第10行");
    }

    @Test
    void theInverseOfAnAcceptedChangeUndoesItWhenAccepted() {
        ChatEvent.Change change = updateSatisfaction(draft.indicators().get(4));
        Declaration after = Changes.apply(draft, change);

        ChatEvent.Change inverse = Changes.inverse(after, change, "c-9");
        Declaration undone = Changes.apply(after, inverse);

        assertThat(inverse.op()).isEqualTo(ChatEvent.Op.UPDATE);
        assertThat(undone.indicators().get(4).value()).isEqualTo("90%");
        assertThat(Changes.inverse(Changes.apply(draft, add(4)), add(4), "c-8").op()).isEqualTo(ChatEvent.Op.REMOVE);
    }

    @Test
    void anEditProposedBeforeARowWasAddedAboveItIsAppliedToTheRowItWasAbout() {
        ChatEvent.Change change = updateSatisfaction(draft.indicators().get(4));
        Declaration moved = Changes.apply(draft, add(2));

        Declaration after = Changes.apply(moved, Changes.located(moved, change));

        assertThat(after.indicators().get(5).value()).isEqualTo("≥95%");
        assertThat(after.indicators().subList(0, 5)).isEqualTo(moved.indicators().subList(0, 5));
    }

    @Test
    void anEditWhoseRowWasChangedSinceIsNotRelocatedAndStillRefused() {
        ChatEvent.Change change = updateSatisfaction(draft.indicators().get(4));
        Declaration edited = Changes.apply(draft, updateSatisfaction(draft.indicators().get(4)));

        assertThat(Changes.located(edited, change)).isEqualTo(change);
        assertThatThrownBy(() -> Changes.apply(edited, Changes.located(edited, change)))
                .isInstanceOf(Changes.ConflictException.class).hasMessageContaining("第5行已被修改");
    }

    @Test
    void rowsOfOneProposalAcceptedOutOfOrderAllLandInTheDraft() {
        ChatEvent.Change third = new ChatEvent.Change("c-7", ChatEvent.Op.ADD, 7,
                new ChatEvent.ChangeRow("产出指标", "时效指标", "补贴发放时间", "2025年6月30日前"), "理由", List.of(),
                List.of(), null);
        ChatEvent.Change first = add(5);

        Declaration once = Changes.apply(draft, Changes.located(draft, third));
        Declaration twice = Changes.apply(once, Changes.located(once, first));

        assertThat(twice.indicators()).extracting(Indicator::name).contains("补贴发放时间", "补贴标准").hasSize(7);
    }

    @Test
    void undoingAnAddAfterAnotherRowWasAddedAboveItRemovesTheRowItAdded() {
        ChatEvent.Change added = add(4);
        Declaration after = Changes.apply(draft, added);
        ChatEvent.Change above = new ChatEvent.Change("c-5", ChatEvent.Op.ADD, 0,
                new ChatEvent.ChangeRow("产出指标", "数量指标", "培训人次", "≥300人次"), "理由", List.of(), List.of(), null);
        Declaration moved = Changes.apply(after, above);

        Declaration undone = Changes.apply(moved, Changes.inverse(moved, added, "c-6"));

        assertThat(undone.indicators()).extracting(Indicator::name).doesNotContain("补贴标准").contains("培训人次");
        assertThat(undone.indicators().subList(1, 6)).isEqualTo(draft.indicators());
    }
}
