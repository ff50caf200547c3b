package cn.duban.identity;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What one transaction has already read, kept until it ends: a plan published in one transaction notifies the same
 * units for each of its tasks, asks the same escalation ladder and starts the same process definition for each; a
 * signed task tells the office once for each part it fans out to. Nothing outlives
 * the transaction, so every node still reads what others changed; outside a transaction nothing is kept.
 */
public final class TransactionMemo {

    private final Object key = new Object();

    @SuppressWarnings("unchecked")
    public <V> V get(String name, Supplier<V> load) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return load.get();
        }
        Map<String, Object> memo = (Map<String, Object>) TransactionSynchronizationManager.getResource(key);
        if (memo == null) {
            memo = new HashMap<>();
            TransactionSynchronizationManager.bindResource(key, memo);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
        }
        if (!memo.containsKey(name)) {
            memo.put(name, load.get());
        }
        return (V) memo.get(name);
    }
}
