package io.tablewarden.ui.results;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

import java.util.List;
import java.util.Map;

/**
 * The evidence of a result as a two-column tree: maps and lists open into their entries, scalars are shown
 * as they are, and a string holding JSON (a resource policy, say) is parsed so that it reads like the rest.
 */
final class EvidenceTree extends TreeTableView<EvidenceTree.Item> {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line: a field and, for a scalar, its value. */
    record Item(String field, String value) {
    }

    EvidenceTree() {
        getStyleClass().add("evidence-tree");
        TreeTableColumn<Item, String> field = new TreeTableColumn<>("Field");
        field.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().field()));
        field.setPrefWidth(380);
        TreeTableColumn<Item, String> value = new TreeTableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().value()));
        value.setPrefWidth(300);
        getColumns().add(field);
        getColumns().add(value);
        setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setShowRoot(false);
        setPlaceholder(new javafx.scene.control.Label("This result carries no evidence."));
        setFixedCellSize(ROW_HEIGHT);
    }

    /** Rows have one line each (values do not wrap): one fixed height lets the tree size itself to its rows. */
    private static final double ROW_HEIGHT = 26;
    private static final int MAX_VISIBLE_ROWS = 14;
    private static final double HEADER_HEIGHT = 44;

    void show(Map<String, Object> evidence) {
        TreeItem<Item> root = new TreeItem<>(new Item("", ""));
        evidence.forEach((k, v) -> root.getChildren().add(node(k, v)));
        root.setExpanded(true);
        setRoot(root);
        // As tall as its rows (a few rows leave no empty area), up to a limit past which it scrolls.
        int rows = Math.max(2, Math.min(MAX_VISIBLE_ROWS, getExpandedItemCount()));
        setPrefHeight(HEADER_HEIGHT + rows * ROW_HEIGHT + 4);
        setMinHeight(getPrefHeight());
    }

    private static TreeItem<Item> node(String key, Object value) {
        Object parsed = parseJson(value);
        if (parsed instanceof Map<?, ?> map) {
            TreeItem<Item> item = new TreeItem<>(new Item(key, map.isEmpty() ? "{}" : ""));
            map.forEach((k, v) -> item.getChildren().add(node(String.valueOf(k), v)));
            item.setExpanded(true);
            return item;
        }
        if (parsed instanceof List<?> list) {
            if (list.stream().allMatch(EvidenceTree::isScalar)) {
                return new TreeItem<>(new Item(key, list.isEmpty() ? "[]" : String.join(", ",
                        list.stream().map(String::valueOf).toList())));
            }
            TreeItem<Item> item = new TreeItem<>(new Item(key, ""));
            for (int i = 0; i < list.size(); i++) {
                item.getChildren().add(node("[" + i + "]", list.get(i)));
            }
            item.setExpanded(true);
            return item;
        }
        return new TreeItem<>(new Item(key, parsed == null ? "null" : String.valueOf(parsed)));
    }

    private static boolean isScalar(Object value) {
        return !(value instanceof Map) && !(value instanceof List);
    }

    private static Object parseJson(Object value) {
        if (value instanceof String text) {
            String t = text.strip();
            if ((t.startsWith("{") && t.endsWith("}")) || (t.startsWith("[") && t.endsWith("]"))) {
                try {
                    return JSON.readValue(t, new TypeReference<Object>() { });
                } catch (java.io.IOException e) {
                    return value;
                }
            }
        }
        return value;
    }
}
