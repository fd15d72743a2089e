package org.aigaq.platform.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aigaq.platform.audit.AuditActor;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.encryption.BlindIndex;
import org.aigaq.platform.encryption.EncryptedColumn;
import org.aigaq.platform.encryption.FieldEncryption;
import org.aigaq.platform.encryption.SearchTokenKey;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code keys rotate}: adds a new primary key to {@code keys/field-keyset.json} (old keys stay for decryption).
 * {@code keys re-encrypt}: rewrites every encrypted value with the primary key, in one transaction, so that an old
 * key can then be removed. {@code keys rotate-name-key}: replaces the key of the name search tokens
 * ({@code keys/name-token-keyset.json}) and rebuilds every token with it; {@code keys rebuild-name-tokens} rebuilds
 * them with the current key (after a new one was given through {@code AIGAQ_NAME_TOKEN_KEYSET}). All with the
 * application stopped.
 */
final class KeysCommand implements Command {

    @Override
    public int run(ConfigurableApplicationContext context, String[] args) {
        List<String> words = List.of(args);
        String action = words.size() > 1 ? words.get(1) : "";
        try {
            switch (action) {
                case "rotate" -> {
                    Path home = Path.of(context.getEnvironment().getRequiredProperty("aigaq.home"));
                    int key = FieldEncryption.rotate(home);
                    record(context, "keys.rotated", Map.of("primaryKey", key));
                    System.out.println("A new primary key (" + key + ") was added to " + home.resolve("keys/field-keyset.json")
                            + ". Old values still decrypt; run 'keys re-encrypt' to move them to the new key.");
                    return 0;
                }
                case "re-encrypt" -> {
                    // The context's FieldEncryption was built from the keyset as it is now, primary key included.
                    var encryption = context.getBean(FieldEncryption.class);
                    var columns = context.getBeansOfType(EncryptedColumn.class).values();
                    var counts = new java.util.LinkedHashMap<String, Object>();
                    context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                        for (EncryptedColumn column : columns) {
                            counts.put(column.name(), column.reEncrypt(encryption));
                        }
                        context.getBean(AuditTrail.class).recordAs(AuditActor.system("cli"), "keys.re-encrypted", null, null, counts);
                    });
                    System.out.println("Every encrypted value now uses key " + encryption.primaryKeyId() + ": " + counts);
                    return 0;
                }
                case "rotate-name-key" -> {
                    Path home = Path.of(context.getEnvironment().getRequiredProperty("aigaq.home"));
                    if (!context.getEnvironment().getProperty("aigaq.keys.name-token-keyset", "").isBlank()) {
                        System.err.println("The name search key comes from AIGAQ_NAME_TOKEN_KEYSET: put a new keyset there, "
                                + "then run 'keys rebuild-name-tokens' (or just start Aigaq: it rebuilds them itself).");
                        return 2;
                    }
                    SearchTokenKey.rotate(home);
                    var counts = rebuild(context, SearchTokenKey.current(home, null));
                    System.out.println("A new name search key was written to " + home.resolve("keys/name-token-keyset.json")
                            + " and every name token rebuilt with it: " + counts);
                    return 0;
                }
                case "rebuild-name-tokens" -> {
                    var counts = rebuild(context, context.getBean(SearchTokenKey.class));
                    System.out.println("Every name token was rebuilt with the current key: " + counts);
                    return 0;
                }
                default -> {
                    System.err.println("usage: java -jar aigaq.jar keys rotate | keys re-encrypt | keys rotate-name-key"
                            + " | keys rebuild-name-tokens");
                    return 2;
                }
            }
        } catch (Exception e) {
            System.err.println("The keys could not be changed: " + org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            return 1;
        }
    }

    /** Drops and rebuilds every blind index with {@code key}, in one transaction, audited; returns the counts. */
    private static Map<String, Object> rebuild(ConfigurableApplicationContext context, SearchTokenKey key) {
        var counts = new java.util.LinkedHashMap<String, Object>();
        context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
            for (BlindIndex index : context.getBeansOfType(BlindIndex.class).values()) {
                counts.put(index.name(), index.rebuild(key));
            }
            context.getBean(AuditTrail.class).recordAs(AuditActor.system("cli"), "keys.name-tokens-rebuilt", null, null, counts);
        });
        return counts;
    }

    private static void record(ConfigurableApplicationContext context, String action, Map<String, ?> summary) {
        context.getBean(TransactionTemplate.class).executeWithoutResult(status ->
                context.getBean(AuditTrail.class).recordAs(AuditActor.system("cli"), action, null, null, summary));
    }
}
