package org.convene.gateway.material;

import io.grpc.ManagedChannel;
import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import org.convene.session.v1.proto.MaterialServiceGrpc;

/**
 * The MaterialService stubs, and multipart limits that follow the material size: a request
 * whose Content-Length exceeds the file limit (plus room for the form's other fields) is
 * refused before its body is read; parts above 256 KiB are spooled to a temporary file, not
 * held in memory.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MaterialProperties.class)
class MaterialClients {

	private static final long FORM_FIELDS = DataSize.ofKilobytes(64).toBytes();

	@Bean
	MaterialServiceGrpc.MaterialServiceBlockingStub materialService(ManagedChannel coreChannel) {
		return MaterialServiceGrpc.newBlockingStub(coreChannel);
	}

	/** For uploads, which stream from the client side. */
	@Bean
	MaterialServiceGrpc.MaterialServiceStub materialUploads(ManagedChannel coreChannel) {
		return MaterialServiceGrpc.newStub(coreChannel);
	}

	@Bean
	MultipartConfigElement multipartConfigElement(MaterialProperties properties) {
		long maxFile = properties.maxSize().toBytes();
		return new MultipartConfigElement("", maxFile, maxFile + FORM_FIELDS, (int) DataSize.ofKilobytes(256).toBytes());
	}

}
