package cn.zhibiao.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.codec.ServerSentEvent;

import cn.zhibiao.system.RunningApp;

/** The assistant as the running app wires it, over the app's own index, checker and proposal service. */
class ChatIT extends RunningApp {

    @Autowired
    Assistant assistant;

    @Test
    void theAppsAssistantExplainsAFlagAndItsEventsBecomeNamedServerSentEvents() {
        List<ChatEvent> events = assistant.turn(ChatFixtures.draft(), List.of(), "時效那一行為什麼被標記").collectList()
                .block();

        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(ChatEvent.Flag.class,
                f -> assertThat(f.indicatorIndex()).isEqualTo(2)));
        List<ServerSentEvent<ChatEvent>> sse = events.stream()
                .map(e -> ServerSentEvent.builder(e).event(e.type()).build()).toList();
        assertThat(sse.getFirst().event()).isEqualTo("intent");
        assertThat(sse.getLast().event()).isEqualTo("done");
    }
}
