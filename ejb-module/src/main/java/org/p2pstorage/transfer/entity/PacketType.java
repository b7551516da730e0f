package org.p2pstorage.transfer.entity;

/** The packets of the simulated TCP/IP network, as in the original system. */
public enum PacketType {
    SYN,
    SYN_ACK,
    ACK,
    DATA,
    FIN,
    HEALTH_CHECK
}
