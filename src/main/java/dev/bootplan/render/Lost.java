package dev.bootplan.render;

import dev.bootplan.report.DeviceOutcome;
import dev.bootplan.report.DeviceState;
import dev.bootplan.report.Report;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The devices a boot did not bind (failed, still deferred, or never probed), counted per driver in manifest order:
 * what the headline and the comparison's bars say a mode lost.
 */
record Lost(int count, Map<String, Integer> byDriver) {

    /** Drivers named before "…". */
    private static final int NAMED = 3;

    static Lost of(Report r) {
        Map<String, Integer> byDriver = new LinkedHashMap<>();
        int count = 0;
        for (DeviceOutcome d : r.devices()) {
            if (d.state() != DeviceState.bound) {
                count++;
                byDriver.merge(d.driver(), 1, Integer::sum);
            }
        }
        return new Lost(count, byDriver);
    }

    /** "182 sd devices lost", "2 devices lost (brcmfmac 1, hci_uart_bcm 1)"; empty when nothing was lost. */
    String describe() {
        if (count == 0) {
            return "";
        }
        if (byDriver.size() == 1) {
            return count + " " + byDriver.keySet().iterator().next() + (count == 1 ? " device lost" : " devices lost");
        }
        StringBuilder sb = new StringBuilder().append(count).append(" devices lost (");
        int i = 0;
        for (var e : byDriver.entrySet()) {
            if (i == NAMED) {
                sb.append(", …");
                break;
            }
            sb.append(i == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
            i++;
        }
        return sb.append(')').toString();
    }
}
