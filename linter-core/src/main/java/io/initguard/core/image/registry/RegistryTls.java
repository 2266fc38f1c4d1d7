package io.initguard.core.image.registry;

import io.initguard.core.image.ImageException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The SSL contexts of {@link RegistryClient}: the JDK's trust, plus a CA file, or no verification at all. */
final class RegistryTls {
    private RegistryTls() {
    }

    static SSLContext context(RegistryOptions options) throws ImageException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            if (!options.tlsVerify()) {
                ctx.init(null, new TrustManager[]{new TrustAll()}, null);
            } else if (options.caFile() != null) {
                ctx.init(null, new TrustManager[]{new Either(List.of(jdkTrust(null), jdkTrust(caStore(options.caFile()))))},
                        null);
            } else {
                return SSLContext.getDefault();
            }
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new ImageException("cannot set up TLS: " + e.getMessage());
        }
    }

    private static KeyStore caStore(Path pem) throws ImageException, GeneralSecurityException {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(pem)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new ImageException(pem + ": cannot read the CA file: " + e.getMessage());
        } catch (CertificateException e) {
            throw new ImageException(pem + ": not PEM certificates: " + e.getMessage());
        }
        if (certs.isEmpty()) throw new ImageException(pem + ": holds no certificate");
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (Certificate c : certs) ks.setCertificateEntry("ca-" + i++, c);
        return ks;
    }

    private static X509ExtendedTrustManager jdkTrust(KeyStore ks) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(ks);
        for (TrustManager tm : f.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) return x;
        }
        throw new GeneralSecurityException("no X509 trust manager");
    }

    /** Trusts a server when any of its trust managers does (each still checks the host name). */
    private static final class Either extends X509ExtendedTrustManager {
        private final List<X509ExtendedTrustManager> all;

        Either(List<X509ExtendedTrustManager> all) {
            this.all = all;
        }

        private interface Check {
            void run(X509ExtendedTrustManager tm) throws CertificateException;
        }

        private void any(Check check) throws CertificateException {
            CertificateException first = null;
            for (X509ExtendedTrustManager tm : all) {
                try {
                    check.run(tm);
                    return;
                } catch (CertificateException e) {
                    if (first == null) first = e;
                }
            }
            throw first;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            any(tm -> tm.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            any(tm -> tm.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            any(tm -> tm.checkServerTrusted(chain, authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            any(tm -> tm.checkClientTrusted(chain, authType, engine));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            any(tm -> tm.checkClientTrusted(chain, authType, socket));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            any(tm -> tm.checkClientTrusted(chain, authType));
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> out = new ArrayList<>();
            for (X509ExtendedTrustManager tm : all) out.addAll(List.of(tm.getAcceptedIssuers()));
            return out.toArray(new X509Certificate[0]);
        }
    }

    /**
     * Accepts every certificate and host name ({@code tlsVerify=false}). Being an extended trust manager, it also
     * replaces the JDK's host name check.
     */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
