package org.p2pstorage.it;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

import org.p2pstorage.grpc.v1.DownloadFileRequest;
import org.p2pstorage.grpc.v1.DownloadFileResponse;
import org.p2pstorage.grpc.v1.UploadFileResponse;

/**
 * The generated gRPC client ({@link GrpcClient}, as GrpcIT uses it) on the command line, for
 * {@code bench/remote-1gib.sh}: one upload or one download of a file, nothing else, so the script can
 * time it beside curl and OpenSSH's sftp. Run with the integration tests' test class path and
 * {@code -Dit.suite.grpc=<port>}:
 * <pre>
 *   upload &lt;token&gt; &lt;file&gt; &lt;name&gt;      prints the new file's id (the call waits until every copy is acknowledged)
 *   download &lt;token&gt; &lt;fileId&gt; &lt;file&gt;  writes the file
 * </pre>
 */
public final class GrpcTransfer {

    private GrpcTransfer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4 || !("upload".equals(args[0]) || "download".equals(args[0]))) {
            System.err.println("usage: upload <token> <file> <name> | download <token> <fileId> <file>");
            System.exit(2);
        }
        try (GrpcClient client = GrpcClient.withToken(args[1])) {
            if ("upload".equals(args[0])) {
                Path file = Path.of(args[2]);
                InputStream content = Files.newInputStream(file);
                UploadFileResponse answer = client.upload(args[3], Files.size(file), content, true, -1)
                        .get(2, TimeUnit.HOURS);
                System.out.println(answer.getFileId());
            } else {
                Iterator<DownloadFileResponse> parts = client.files()
                        .downloadFile(DownloadFileRequest.newBuilder().setFileId(args[2]).build());
                parts.next();
                try (OutputStream out = Files.newOutputStream(Path.of(args[3]))) {
                    while (parts.hasNext()) {
                        parts.next().getData().writeTo(out);
                    }
                }
            }
        }
    }
}
