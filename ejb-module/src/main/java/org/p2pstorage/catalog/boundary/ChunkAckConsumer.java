package org.p2pstorage.catalog.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.p2pstorage.catalog.control.AnswerBatches;
import org.p2pstorage.network.boundary.CopyPlacement;
import org.p2pstorage.network.boundary.Nodes;
import org.p2pstorage.storage.entity.ChunkKey;
import org.p2pstorage.transfer.control.Destinations;
import org.p2pstorage.transfer.control.Routes;
import org.p2pstorage.transfer.entity.ChunkReceipt;

/**
 * Records the nodes' acknowledgements in the catalog. A file becomes AVAILABLE with the acknowledgement of
 * its last copy; a refused copy makes it FAILED and its stored copies are dropped; a copy stored for a file
 * that failed or was removed meanwhile is dropped from its node, so no room leaks; a repair copy stored
 * makes its chunk stronger. Answers are recorded in transactions of the catalog alone, those that arrive
 * together in one ({@link AnswerBatches}); the message is acknowledged to the broker after its answer is
 * committed, so an answer cut short is redelivered and counted once (the catalog matches it to its copy).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Destinations.CHUNK_ACKS),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = Routes.ADDRESSED_HERE),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "16")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChunkAckConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ChunkAckConsumer.class.getName());

    @Inject
    AnswerBatches answers;

    @EJB
    Repairs repairs;

    @EJB
    CopyPlacement copyPlacement;

    @EJB
    Nodes nodes;

    @EJB
    Files files;

    @Override
    public void onMessage(Message message) {
        ChunkReceipt receipt;
        try {
            receipt = ChunkReceipt.of(message);
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "dropped an acknowledgement that cannot be read", e);
            return;
        }
        copyPlacement.answered(receipt.nodeId(), receipt.bytes());
        switch (answers.record(receipt)) {
            case ORPHAN -> nodes.delete(receipt.nodeId(), new ChunkKey(receipt.fileId(), receipt.index()));
            case FAILED_NOW -> {
                LOG.log(Level.WARNING, "file {0} failed: {1} refused chunk {2} ({3})",
                        new Object[]{receipt.fileId(), receipt.nodeId(), receipt.index(), receipt.outcome()});
                files.dropChunks(receipt.fileId());
            }
            case REPAIRED -> repairs.repaired(receipt.fileId(), receipt.index(), receipt.nodeId());
            case KEPT -> {
            }
        }
    }
}
