package io.tablewarden.engine.metadata;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.List;

/** SnakeYAML set up for CloudFormation templates: the short forms of the intrinsic functions become {@link Intrinsic}. */
final class CloudFormationYaml {

    static final List<String> SHORT_FORMS = List.of("Ref", "Sub", "GetAtt", "Join", "Select", "Split", "If", "Equals",
            "Not", "And", "Or", "FindInMap", "ImportValue", "Base64", "Cidr", "GetAZs", "Condition", "Transform");

    /** A value written with a short-form tag, e.g. {@code !GetAtt TableKey.Arn}. */
    record Intrinsic(String function, Object argument) {
    }

    private CloudFormationYaml() {
    }

    static Object parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new Constructor(options)).load(yaml);
    }

    private static final class Constructor extends SafeConstructor {
        Constructor(LoaderOptions options) {
            super(options);
            for (String name : SHORT_FORMS) {
                yamlConstructors.put(new Tag("!" + name), new IntrinsicConstruct(name));
            }
        }

        private final class IntrinsicConstruct extends AbstractConstruct {
            private final String function;

            IntrinsicConstruct(String function) {
                this.function = function;
            }

            @Override
            public Object construct(Node node) {
                Object argument;
                if (node instanceof ScalarNode) {
                    argument = constructScalar((ScalarNode) node);
                } else if (node instanceof SequenceNode) {
                    argument = constructSequence((SequenceNode) node);
                } else {
                    argument = constructMapping((MappingNode) node);
                }
                return new Intrinsic(function, argument);
            }
        }
    }
}
