#!/usr/bin/env bash
# Creates the standalone ActiveMQ Artemis broker that the servers of a scale-out deployment share:
#   create-broker.sh <artemis home> <instance folder>
# with the settings from the environment (defaults in brackets): P2P_BROKER_HOST [localhost] and
# P2P_BROKER_PORT [61616] for its one acceptor (core protocol only), P2P_BROKER_USER [p2p] and
# P2P_BROKER_PASSWORD (required) for the one user it lets in, P2P_BROKER_MEMORY [1G] for its heap,
# P2P_MAIL_RETRY_MAX_MS [300000] and P2P_INBOX_MEMORY [67108864] as on the embedded broker.
# Used by scale-out/start.sh and by the broker's container image (docker/broker.Dockerfile), so both run the
# same broker. An instance that exists already is left alone: its journal holds messages on their way.
set -euo pipefail
home=$1
instance=$2
if [ -f "$instance/etc/broker.xml" ]; then
  exit 0
fi
: "${P2P_BROKER_PASSWORD:?P2P_BROKER_PASSWORD must be set}"

# The queues of jms-config/queues.cli, by the same names (remote-broker.cli turns off the jms.queue. prefix),
# anycast: each message goes to one consumer. Scheduled delivery (every chunk waits for its arrival time on the
# simulated link) needs nothing of its own on the broker.
queues=NodeInbox,ChunkAcks,HealthProbes,HealthReplies,NodeCommands,ChunkReads,ChunkReadReplies,OutgoingMail

# NIO journal: works on every file system and in containers (ASYNCIO needs libaio).
"$home/bin/artemis" create --silent --force --nio --no-web --no-autotune \
  --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
  --require-login --user "${P2P_BROKER_USER:-p2p}" --password "$P2P_BROKER_PASSWORD" --role amq \
  --host "${P2P_BROKER_HOST:-localhost}" --default-port "${P2P_BROKER_PORT:-61616}" \
  --name p2p-broker --java-memory "${P2P_BROKER_MEMORY:-1G}" \
  --queues "$queues" "$instance" > /dev/null

# The address settings that jms-config/queues.cli gives the embedded broker, under the broker's queue names:
# a mail the SMTP server refuses comes back after 2 s, 4 s, ... up to 5 min, forever; chunks on their way to the
# nodes stay in memory up to 64 MiB before the broker pages them to disk.
settings=$(mktemp)
cat > "$settings" <<XML
         <!-- p2p-storage: the same settings as jms-config/queues.cli on the embedded broker. -->
         <address-setting match="OutgoingMail">
            <redelivery-delay>2000</redelivery-delay>
            <redelivery-delay-multiplier>2.0</redelivery-delay-multiplier>
            <max-redelivery-delay>${P2P_MAIL_RETRY_MAX_MS:-300000}</max-redelivery-delay>
            <max-delivery-attempts>-1</max-delivery-attempts>
         </address-setting>
         <address-setting match="NodeInbox">
            <dead-letter-address>DLQ</dead-letter-address>
            <expiry-address>ExpiryQueue</expiry-address>
            <max-size-bytes>${P2P_INBOX_MEMORY:-67108864}</max-size-bytes>
            <page-size-bytes>4194304</page-size-bytes>
            <address-full-policy>PAGE</address-full-policy>
         </address-setting>
XML
awk -v settings="$settings" '/<\/address-settings>/ { while ((getline line < settings) > 0) print line } { print }' \
  "$instance/etc/broker.xml" > "$instance/etc/broker.xml.new"
mv "$instance/etc/broker.xml.new" "$instance/etc/broker.xml"
# A small initial heap (the profile's 512M is more than a small P2P_BROKER_MEMORY allows).
sed -i 's/-Xms512M/-Xms128M/' "$instance/etc/artemis.profile"
# The servers speak Artemis' core protocol only.
sed -i 's/protocols=CORE,AMQP,STOMP,HORNETQ,MQTT,OPENWIRE/protocols=CORE/' "$instance/etc/broker.xml"
rm -f "$settings"
grep -q '<address-setting match="NodeInbox">' "$instance/etc/broker.xml" \
  || { echo "could not add the address settings to $instance/etc/broker.xml" >&2; exit 1; }
