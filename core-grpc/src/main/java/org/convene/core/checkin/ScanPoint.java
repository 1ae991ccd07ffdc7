package org.convene.core.checkin;

/**
 * Where a scan happened.
 *
 * @param deviceId the scanning device, as it names itself (1 to 100 characters)
 * @param location e.g. "Main entrance" (up to 200 characters)
 */
record ScanPoint(String deviceId, String location) {

	static ScanPoint of(String deviceId, String location) {
		return new ScanPoint(ScanInput.text(deviceId, "deviceId", 1, 100), ScanInput.text(location, "location", 0, 200));
	}

}
