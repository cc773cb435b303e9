package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** KMS (JSON 1.1): key metadata, rotation status and aliases. */
final class KmsService extends JsonService {

    /** AWS caps a ListAliases page at 100 aliases. */
    static final int MAX_LIMIT = 100;

    private static final Set<String> READS = Set.of("DescribeKey", "GetKeyRotationStatus", "ListAliases");

    KmsService() {
        this(false);
    }

    /**
     * With {@code writes}, also EnableKey, CancelKeyDeletion, EnableKeyRotation, GetParametersForImport,
     * ImportKeyMaterial, CreateKey and CreateAlias (see
     * {@link SimulatorOptions#writesForTests()}).
     */
    KmsService(boolean writes) {
        super("TrentService.", "kms", "1.1", "", writes ? union(READS, "EnableKey", "CancelKeyDeletion",
                "EnableKeyRotation", "GetParametersForImport", "ImportKeyMaterial", "CreateKey", "CreateAlias") : READS);
    }

    static Set<String> union(Set<String> reads, String... writes) {
        Set<String> all = new java.util.HashSet<>(reads);
        all.addAll(List.of(writes));
        return Set.copyOf(all);
    }

    @Override
    public String resourceArn(Call call, CallContext ctx) {
        String keyId = call.input().path("KeyId").asText(null);
        if (keyId == null) {
            return null;
        }
        ObjectNode key = findKey(keyId, ctx);
        if (key != null) {
            return key.path("KeyMetadata").path("Arn").asText();
        }
        return keyId.startsWith("arn:") ? keyId : ctx.arnPrefix("kms") + (keyId.startsWith("alias/") ? "" : "key/") + keyId;
    }

    @Override
    String invalidTokenCode() {
        return "InvalidMarkerException";
    }

    @Override
    ObjectNode handle(String operation, ObjectNode in, CallContext ctx) {
        if (operation.equals("ListAliases")) {
            return listAliases(in, ctx);
        }
        if (operation.equals("CreateKey")) {
            return createKey(in, ctx);
        }
        if (operation.equals("CreateAlias")) {
            return createAlias(in, ctx);
        }
        String keyId = requiredText(in, "KeyId");
        ObjectNode key = findKey(keyId, ctx);
        if (key == null) {
            throw ApiError.badRequest("NotFoundException", "Key '" + keyId + "' does not exist");
        }
        ObjectNode out = MAPPER.createObjectNode();
        if (operation.equals("EnableKey") || operation.equals("CancelKeyDeletion")) {
            return write(operation, key, ctx);
        }
        if (operation.equals("EnableKeyRotation")) {
            return enableRotation(in, key);
        }
        if (operation.equals("GetParametersForImport")) {
            return parametersForImport(in, key);
        }
        if (operation.equals("ImportKeyMaterial")) {
            ObjectNode imported = importKeyMaterial(in, key);
            write("EnableKey", key, ctx);
            return imported;
        }
        if (operation.equals("DescribeKey")) {
            out.set("KeyMetadata", key.get("KeyMetadata"));
        } else {
            out.put("KeyRotationEnabled", key.path("KeyRotationEnabled").asBoolean(false));
            out.put("KeyId", key.path("KeyMetadata").path("Arn").asText());
            // optional rotation details a fixture may carry next to the flag
            for (String member : new String[] {"RotationPeriodInDays", "NextRotationDate", "OnDemandRotationStartDate"}) {
                if (key.hasNonNull(member)) {
                    out.set(member, key.get(member));
                }
            }
        }
        return out;
    }

    /**
     * EnableKeyRotation as KMS answers it (test-only write mode): only an Enabled key can change its rotation
     * (a Disabled one is refused with DisabledException), and the period is 90 to 2560 days, 365 when not given.
     */
    private static ObjectNode enableRotation(ObjectNode in, ObjectNode key) {
        ObjectNode metadata = (ObjectNode) key.get("KeyMetadata");
        synchronized (key) {
            String state = metadata.path("KeyState").asText();
            if (state.equals("Disabled")) {
                throw ApiError.badRequest("DisabledException", metadata.path("Arn").asText() + " is disabled.");
            }
            if (!state.equals("Enabled")) {
                throw ApiError.badRequest("KMSInvalidStateException", metadata.path("Arn").asText() + " is " + state
                        + " which is not valid for this operation.");
            }
            int period = in.path("RotationPeriodInDays").asInt(365);
            if (period < 90 || period > 2560) {
                throw ApiError.badRequest("ValidationException", "RotationPeriodInDays must be between 90 and 2560");
            }
            key.put("KeyRotationEnabled", true);
            key.put("RotationPeriodInDays", period);
        }
        return MAPPER.createObjectNode();
    }

    /** A symmetric customer-managed key, Enabled, without rotation (test-only write mode). */
    private static ObjectNode createKey(ObjectNode in, CallContext ctx) {
        String id = java.util.UUID.randomUUID().toString();
        ObjectNode key = MAPPER.createObjectNode();
        ObjectNode metadata = key.putObject("KeyMetadata");
        metadata.put("AWSAccountId", ctx.arnPrefix("kms").split(":")[4]);
        metadata.put("KeyId", id);
        metadata.put("Arn", ctx.arnPrefix("kms") + "key/" + id);
        metadata.put("CreationDate", java.time.Instant.now().getEpochSecond());
        metadata.put("Enabled", true);
        metadata.put("Description", in.path("Description").asText(""));
        metadata.put("KeyUsage", "ENCRYPT_DECRYPT");
        metadata.put("KeyState", "Enabled");
        metadata.put("Origin", "AWS_KMS");
        metadata.put("KeyManager", "CUSTOMER");
        metadata.put("KeySpec", "SYMMETRIC_DEFAULT");
        metadata.put("CustomerMasterKeySpec", "SYMMETRIC_DEFAULT");
        metadata.putArray("EncryptionAlgorithms").add("SYMMETRIC_DEFAULT");
        key.put("KeyRotationEnabled", false);
        key.putArray("Aliases");
        ctx.region.addKmsKey(key);
        ObjectNode out = MAPPER.createObjectNode();
        out.set("KeyMetadata", metadata.deepCopy());
        return out;
    }

    /** A new alias of an existing key; AWS's own alias/aws/ names and names in use are refused (test-only). */
    private ObjectNode createAlias(ObjectNode in, CallContext ctx) {
        String alias = requiredText(in, "AliasName");
        if (!alias.startsWith("alias/") || alias.startsWith("alias/aws/")) {
            throw ApiError.badRequest("ValidationException", "Alias must start with alias/ and not with alias/aws/");
        }
        ObjectNode key = findKey(requiredText(in, "TargetKeyId"), ctx);
        if (key == null) {
            throw ApiError.badRequest("NotFoundException", "Key '" + in.path("TargetKeyId").asText() + "' does not exist");
        }
        if (ctx.region.kmsAliases.putIfAbsent(alias, key) != null) {
            throw ApiError.badRequest("AlreadyExistsException", "An alias with the name " + ctx.arnPrefix("kms") + alias
                    + " already exists");
        }
        synchronized (key) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) key.withArray("Aliases")).add(alias);
        }
        return MAPPER.createObjectNode();
    }

    /** Import tokens handed out, each with the private half of its wrapping key (test-only write mode). */
    private final Map<String, java.security.PrivateKey> importTokens = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * GetParametersForImport for a key whose material comes from outside (Origin EXTERNAL): a fresh RSA wrapping key
     * of the requested size and an import token naming it (test-only write mode; RSAES_OAEP_SHA_256 only).
     */
    private ObjectNode parametersForImport(ObjectNode in, ObjectNode key) {
        ObjectNode metadata = (ObjectNode) key.get("KeyMetadata");
        if (!"EXTERNAL".equals(metadata.path("Origin").asText())) {
            throw ApiError.badRequest("UnsupportedOperationException", metadata.path("Arn").asText()
                    + " origin is " + metadata.path("Origin").asText() + " which is not valid for this operation.");
        }
        if (!"RSAES_OAEP_SHA_256".equals(in.path("WrappingAlgorithm").asText())) {
            throw ApiError.badRequest("ValidationException", "the simulator supports WrappingAlgorithm RSAES_OAEP_SHA_256");
        }
        int bits = switch (in.path("WrappingKeySpec").asText()) {
            case "RSA_2048" -> 2048;
            case "RSA_3072" -> 3072;
            case "RSA_4096" -> 4096;
            default -> throw ApiError.badRequest("ValidationException", "unknown WrappingKeySpec");
        };
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            java.security.KeyPair pair = generator.generateKeyPair();
            byte[] token = new byte[64];
            new java.security.SecureRandom().nextBytes(token);
            String tokenText = java.util.Base64.getEncoder().encodeToString(token);
            importTokens.put(tokenText, pair.getPrivate());
            ObjectNode out = MAPPER.createObjectNode();
            out.put("KeyId", metadata.path("Arn").asText());
            out.put("ImportToken", tokenText);
            out.put("PublicKey", java.util.Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            out.put("ParametersValidTo", java.time.Instant.now().plusSeconds(86_400).getEpochSecond());
            return out;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * ImportKeyMaterial (test-only write mode): the token must be one this simulator handed out, and the encrypted
     * material must unwrap (RSAES-OAEP with SHA-256) to 256 bits; the key then leaves PendingImport. Real KMS also
     * insists on the very material the key had before; the fixture does not hold it, so any 256 bits are taken.
     */
    private ObjectNode importKeyMaterial(ObjectNode in, ObjectNode key) {
        ObjectNode metadata = (ObjectNode) key.get("KeyMetadata");
        java.security.PrivateKey wrapping = importTokens.remove(in.path("ImportToken").asText());
        if (wrapping == null) {
            throw ApiError.badRequest("InvalidImportTokenException", "the import token is not valid");
        }
        byte[] material;
        try {
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("RSA/ECB/OAEPPadding");
            cipher.init(javax.crypto.Cipher.DECRYPT_MODE, wrapping, new javax.crypto.spec.OAEPParameterSpec("SHA-256",
                    "MGF1", java.security.spec.MGF1ParameterSpec.SHA256, javax.crypto.spec.PSource.PSpecified.DEFAULT));
            material = cipher.doFinal(java.util.Base64.getDecoder().decode(in.path("EncryptedKeyMaterial").asText()));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw ApiError.badRequest("InvalidCiphertextException", "the key material could not be unwrapped");
        }
        if (material.length != 32) {
            throw ApiError.badRequest("IncorrectKeyMaterialException", "symmetric key material must be 256 bits");
        }
        synchronized (key) {
            if (!"PendingImport".equals(metadata.path("KeyState").asText())) {
                throw ApiError.badRequest("KMSInvalidStateException", metadata.path("Arn").asText() + " is "
                        + metadata.path("KeyState").asText() + " which is not valid for this operation.");
            }
            // EnableKey below takes a Disabled key to Enabled, as importing does for a key that waited for material
            metadata.put("KeyState", "Disabled");
            metadata.put("ExpirationModel", in.path("ExpirationModel").asText("KEY_MATERIAL_DOES_NOT_EXPIRE"));
        }
        return MAPPER.createObjectNode();
    }

    /**
     * EnableKey and CancelKeyDeletion as KMS answers them (test-only write mode): cancelling a deletion leaves the key
     * Disabled; enabling works from Enabled or Disabled only. When a key is Enabled again, DynamoDB can use it, so a
     * table of the region that was inaccessible because of it becomes ACTIVE again.
     */
    private static ObjectNode write(String operation, ObjectNode key, CallContext ctx) {
        ObjectNode metadata = (ObjectNode) key.get("KeyMetadata");
        ObjectNode out = MAPPER.createObjectNode();
        synchronized (key) {
            String state = metadata.path("KeyState").asText();
            if (operation.equals("CancelKeyDeletion")) {
                if (!state.equals("PendingDeletion")) {
                    throw ApiError.badRequest("KMSInvalidStateException", metadata.path("Arn").asText() + " is " + state
                            + " which is not valid for this operation.");
                }
                metadata.put("KeyState", "Disabled").put("Enabled", false);
                metadata.remove("DeletionDate");
                metadata.remove("PendingDeletionWindowInDays");
                out.put("KeyId", metadata.path("Arn").asText());
                return out;
            }
            if (!state.equals("Enabled") && !state.equals("Disabled")) {
                throw ApiError.badRequest("KMSInvalidStateException", metadata.path("Arn").asText() + " is " + state
                        + " which is not valid for this operation.");
            }
            metadata.put("KeyState", "Enabled").put("Enabled", true);
        }
        String arn = metadata.path("Arn").asText();
        for (ObjectNode entry : ctx.region.tables) {
            synchronized (entry) {
                ObjectNode table = (ObjectNode) entry.get("Table");
                ObjectNode sse = table == null || !table.path("SSEDescription").isObject() ? null
                        : (ObjectNode) table.get("SSEDescription");
                if (sse != null && arn.equals(sse.path("KMSMasterKeyArn").asText())
                        && "INACCESSIBLE_ENCRYPTION_CREDENTIALS".equals(table.path("TableStatus").asText())) {
                    table.put("TableStatus", "ACTIVE");
                    sse.remove("InaccessibleEncryptionDateTime");
                    sse.put("Status", "ENABLED");
                }
            }
        }
        return out;
    }

    private ObjectNode listAliases(ObjectNode in, CallContext ctx) {
        String keyFilter = in.path("KeyId").asText(null);
        ObjectNode filterKey = keyFilter == null ? null : findKey(keyFilter, ctx);
        if (keyFilter != null && filterKey == null) {
            throw ApiError.badRequest("NotFoundException", "Key '" + keyFilter + "' does not exist");
        }
        List<ObjectNode> aliases = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> e : ctx.region.kmsAliases.entrySet()) {
            if (filterKey != null && e.getValue() != filterKey) {
                continue;
            }
            ObjectNode alias = MAPPER.createObjectNode();
            alias.put("AliasName", e.getKey());
            alias.put("AliasArn", ctx.arnPrefix("kms") + e.getKey());
            alias.put("TargetKeyId", e.getValue().path("KeyMetadata").path("KeyId").asText());
            aliases.add(alias);
        }
        int size = Paging.size(in.get("Limit"), ctx.defaultPageSize, MAX_LIMIT, this);
        int start = Paging.start(in.get("Marker"), this);
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode page = out.putArray("Aliases");
        Paging.slice(aliases, start, size).forEach(page::add);
        String next = Paging.next(aliases, start, size);
        out.put("Truncated", next != null);
        if (next != null) {
            out.put("NextMarker", next);
        }
        return out;
    }

    /** Resolves a key id, key ARN, alias name or alias ARN within the signed region. */
    private static ObjectNode findKey(String ref, CallContext ctx) {
        ObjectNode key = ctx.region.kmsKey(ref);
        if (key != null) {
            return key;
        }
        String alias = ref;
        String aliasArnPrefix = ctx.arnPrefix("kms");
        if (alias.startsWith(aliasArnPrefix + "alias/")) {
            alias = alias.substring(aliasArnPrefix.length());
        }
        return alias.startsWith("alias/") ? ctx.region.kmsAliases.get(alias) : null;
    }
}
