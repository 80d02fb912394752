import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics that do not exist yet (a single-file program: java -cp <kafka classpath> Topics.java).
 * Usage: Topics.java BOOTSTRAP NAME:PARTITIONS[:retain] ...  ("retain": no time-based retention, for
 * replayed archives whose record timestamps are old event times).
 */
public class Topics {
    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> topics = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String[] spec = args[i].split(":");
                if (existing.contains(spec[0])) {
                    continue;
                }
                NewTopic t = new NewTopic(spec[0], Integer.parseInt(spec[1]), (short) 1);
                if (spec.length > 2 && spec[2].equals("retain")) {
                    t.configs(Map.of("retention.ms", "-1"));
                }
                topics.add(t);
            }
            try {
                admin.createTopics(topics).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            for (NewTopic t : topics) {
                System.out.println("created topic " + t.name() + " (" + t.numPartitions() + " partitions)");
            }
        }
    }
}
