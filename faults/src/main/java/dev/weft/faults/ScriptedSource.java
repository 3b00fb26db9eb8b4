package dev.weft.faults;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Replays a log: exactly the faults it lists, at the operations it names, and nothing else. */
final class ScriptedSource implements FaultSource {
    private record Key(String socket, Call direction, long seq) {}

    private final Map<Key, Fault> faults = new HashMap<>();

    ScriptedSource(List<FaultEvent> events) {
        for (FaultEvent e : events) {
            faults.put(new Key(e.socket(), e.call().direction(), e.seq()), e.fault());
        }
    }

    @Override
    public Fault decide(SocketInfo socket, Call call, long seq, long want) {
        return faults.get(new Key(socket.label(), call.direction(), seq));
    }

    @Override
    public boolean isQuiet() {
        return faults.isEmpty();
    }
}
