package org.convene.core.material;

import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

import org.convene.session.v1.proto.AddMaterialLinkRequest;
import org.convene.session.v1.proto.BatchListMaterialsRequest;
import org.convene.session.v1.proto.BatchListMaterialsResponse;
import org.convene.session.v1.proto.DeleteMaterialRequest;
import org.convene.session.v1.proto.DeleteMaterialResponse;
import org.convene.session.v1.proto.DownloadMaterialRequest;
import org.convene.session.v1.proto.DownloadMaterialResponse;
import org.convene.session.v1.proto.GetMaterialRequest;
import org.convene.session.v1.proto.ListMaterialsRequest;
import org.convene.session.v1.proto.ListMaterialsResponse;
import org.convene.session.v1.proto.Material;
import org.convene.session.v1.proto.MaterialServiceGrpc;
import org.convene.session.v1.proto.UpdateMaterialRequest;
import org.convene.session.v1.proto.UploadMaterialRequest;

/** {@code convene.session.v1.MaterialService} over gRPC; failures become statuses in the request interceptor. */
@Service
class MaterialGrpcService extends MaterialServiceGrpc.MaterialServiceImplBase {

	private final MaterialQueries queries;

	private final MaterialCommands commands;

	private final MaterialUploads uploads;

	private final MaterialDownloads downloads;

	MaterialGrpcService(MaterialQueries queries, MaterialCommands commands, MaterialUploads uploads,
			MaterialDownloads downloads) {
		this.queries = queries;
		this.commands = commands;
		this.uploads = uploads;
		this.downloads = downloads;
	}

	@Override
	public StreamObserver<UploadMaterialRequest> uploadMaterial(StreamObserver<Material> response) {
		return this.uploads.start(response);
	}

	@Override
	public void addMaterialLink(AddMaterialLinkRequest request, StreamObserver<Material> response) {
		reply(response, this.commands.addLink(request));
	}

	@Override
	public void getMaterial(GetMaterialRequest request, StreamObserver<Material> response) {
		reply(response, this.queries.get(request.getId()));
	}

	@Override
	public void listMaterials(ListMaterialsRequest request, StreamObserver<ListMaterialsResponse> response) {
		reply(response, this.queries.list(request.getSessionId()));
	}

	@Override
	public void batchListMaterials(BatchListMaterialsRequest request, StreamObserver<BatchListMaterialsResponse> response) {
		reply(response, this.queries.listAll(request.getSessionIdsList()));
	}

	@Override
	public void downloadMaterial(DownloadMaterialRequest request, StreamObserver<DownloadMaterialResponse> response) {
		this.downloads.start(request.getId(), response);
	}

	@Override
	public void updateMaterial(UpdateMaterialRequest request, StreamObserver<Material> response) {
		reply(response, this.commands.update(request));
	}

	@Override
	public void deleteMaterial(DeleteMaterialRequest request, StreamObserver<DeleteMaterialResponse> response) {
		this.commands.delete(request);
		reply(response, DeleteMaterialResponse.getDefaultInstance());
	}

	private static <T> void reply(StreamObserver<T> response, T value) {
		response.onNext(value);
		response.onCompleted();
	}

}
